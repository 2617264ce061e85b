using System.Text;
using System.Text.Json.Nodes;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>Reads the error outputs that a host saved in an executed notebook.</summary>
public static class ExecutedNotebook
{
    /// <summary>
    /// Describes each code cell of the notebook at <paramref name="path"/> that saved an error
    /// output: its number, the error's name, value and traceback, what the cell wrote to stderr
    /// and its source. The .NET kernel reports a compiler error as the value "compilation error"
    /// and writes the compiler's message to stderr, so both are needed to see the cause.
    /// </summary>
    public static IReadOnlyList<string> Failures(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var failures = new List<string>();
        var cells = root["cells"]!.AsArray();
        for (int i = 0; i < cells.Count; i++)
        {
            var cell = cells[i]!.AsObject();
            if ((string?)cell["cell_type"] != "code" || cell["outputs"] is not JsonArray outputs)
            {
                continue;
            }

            var errors = outputs.Where(o => (string?)o?["output_type"] == "error").ToList();
            if (errors.Count == 0)
            {
                continue;
            }

            var text = new StringBuilder($"{Path.GetFileName(path)} cell {i + 1} failed:");
            foreach (var error in errors)
            {
                text.Append($"\n  {Text(error!["ename"])}: {Text(error["evalue"])}");
                string traceback = error["traceback"] is JsonArray lines
                    ? string.Join("\n", lines.Select(line => (string?)line))
                    : "";
                if (traceback.Length > 0)
                {
                    text.Append("\n  traceback: ").Append(traceback);
                }
            }

            foreach (var stream in outputs.Where(o => (string?)o?["name"] == "stderr"))
            {
                text.Append("\n  stderr: ").Append(Text(stream!["text"]).Trim());
            }

            text.Append("\n  source:\n").Append(Text(cell["source"]));
            failures.Add(text.ToString());
        }

        return failures;
    }

    // nbformat stores multi-line strings either whole or as an array of lines.
    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Join("", lines.Select(line => (string?)line)),
        JsonValue value => (string?)value ?? "",
        _ => "",
    };
}
