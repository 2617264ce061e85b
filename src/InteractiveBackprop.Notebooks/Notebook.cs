using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks;

/// <summary>
/// A Jupyter notebook (nbformat 4) read as JSON, so that everything the runner does not change,
/// metadata included, is written back as it was.
/// </summary>
public sealed class Notebook
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private Notebook(string path, JsonObject root, IReadOnlyList<NotebookCell> codeCells)
    {
        Path = path;
        _root = root;
        CodeCells = codeCells;
    }

    /// <summary>The file the notebook was read from.</summary>
    public string Path { get; }

    /// <summary>The code cells in order; markdown and raw cells are not run.</summary>
    public IReadOnlyList<NotebookCell> CodeCells { get; }

    /// <summary>The notebook's metadata object.</summary>
    public JsonObject Metadata => _root["metadata"] as JsonObject ?? new JsonObject();

    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="RunnerException">The file is missing, is not JSON, or is not an nbformat 4
    /// notebook. The message names the fault and where it is.</exception>
    public static Notebook Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RunnerException($"Notebook not found: {path}. Check the path; the runner " +
                "takes .ipynb files or folders that contain them.");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            // The parser's message repeats the position with zero-based numbers; keep its reason.
            string reason = error.Message;
            int position = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (position > 0)
            {
                reason = reason[..position];
            }

            throw new RunnerException($"{path} is not a valid notebook: its JSON is malformed " +
                $"at line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}: " +
                reason, error);
        }

        if (node is not JsonObject root)
        {
            throw new RunnerException($"{path} is not a valid notebook: it is not a JSON " +
                "object. An .ipynb file is a JSON object with \"cells\", \"metadata\" and " +
                "\"nbformat\".");
        }

        // The version comes first: an nbformat 3 file keeps its cells under "worksheets".
        int format = root["nbformat"]?.GetValueKind() == JsonValueKind.Number
            ? root["nbformat"]!.GetValue<int>()
            : 0;
        if (format != 4)
        {
            throw new RunnerException($"{path} has nbformat {format}; the runner reads " +
                "nbformat 4, which Jupyter and VS Code write. Convert it with " +
                "`jupyter nbconvert --to notebook`.");
        }

        if (root["cells"] is not JsonArray cells)
        {
            throw new RunnerException($"{path} is not a valid notebook: it has no \"cells\" " +
                "array. An .ipynb file is a JSON object with \"cells\", \"metadata\" and " +
                "\"nbformat\".");
        }

        string defaultKernel = DefaultKernelName(root);
        var codeCells = new List<NotebookCell>();
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not JsonObject cell)
            {
                throw new RunnerException($"{path}: cell {i + 1} is not a JSON object.");
            }

            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            string source = ReadSource(cell["source"], path, i + 1);
            string kernel = CellKernelName(cell) ?? defaultKernel;
            codeCells.Add(new NotebookCell(i + 1, kernel, source, cell));
        }

        return new Notebook(path, root, codeCells);
    }

    /// <summary>
    /// Writes the notebook, with whatever outputs the cells now have, to
    /// <paramref name="path"/>, creating its folder.
    /// </summary>
    public void Save(string path)
    {
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, _root.ToJsonString(WriteOptions) + "\n", new UTF8Encoding(false));
    }

    // VS Code's Polyglot Notebooks store the kernel per cell under metadata.polyglot_notebook;
    // older files use metadata.dotnet_interactive.language.
    private static string? CellKernelName(JsonObject cell)
    {
        var metadata = cell["metadata"] as JsonObject;
        return (string?)metadata?["polyglot_notebook"]?["kernelName"]
            ?? (string?)metadata?["dotnet_interactive"]?["language"];
    }

    private static string DefaultKernelName(JsonObject root)
    {
        var metadata = root["metadata"] as JsonObject;
        string? name = (string?)metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"];
        if (name is not null)
        {
            return name;
        }

        string? language = (string?)metadata?["kernelspec"]?["language"];
        return language switch
        {
            "F#" => "fsharp",
            "PowerShell" => "pwsh",
            _ => "csharp",
        };
    }

    private static string ReadSource(JsonNode? source, string path, int index)
    {
        switch (source)
        {
            case null:
                return "";
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return value.GetValue<string>();
            case JsonArray lines:
                var text = new StringBuilder();
                foreach (var line in lines)
                {
                    text.Append((string?)line);
                }

                return text.ToString();
            default:
                throw new RunnerException($"{path}: cell {index} has a \"source\" that is " +
                    "neither a string nor a list of strings.");
        }
    }
}
