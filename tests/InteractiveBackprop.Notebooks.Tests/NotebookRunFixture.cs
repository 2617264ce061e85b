using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InteractiveBackprop.Notebooks.Tests;

/// <summary>
/// Runs one tutorial through the runner and the real engine once, and exposes the runner's log
/// and the executed copy's outputs for the tests of that notebook.
/// </summary>
public abstract class NotebookRunFixture
{
    protected NotebookRunFixture(EngineFixture engine, string fileName)
    {
        FileName = fileName;
        Source = Path.Combine(RepositoryPaths.Notebooks, fileName);
        SourceText = File.ReadAllText(Source);
        Result = engine.RunRunner(Source, "--output", engine.Output);
        string executed = Path.Combine(engine.Output, fileName);
        Cells = File.Exists(executed)
            ? [.. ((JsonArray)JsonNode.Parse(File.ReadAllText(executed))!["cells"]!)
                .Select(cell => (JsonObject)cell!)]
            : [];
    }

    public string FileName { get; }

    public string Source { get; }

    public string SourceText { get; }

    public ProcessResult Result { get; }

    /// <summary>Every cell of the executed copy, markdown included, or none when the runner
    /// wrote no copy.</summary>
    public IReadOnlyList<JsonObject> Cells { get; }

    /// <summary>Every output of every code cell, in order.</summary>
    public IEnumerable<JsonObject> Outputs => Cells
        .Where(cell => (string?)cell["cell_type"] == "code")
        .SelectMany(cell => ((JsonArray)cell["outputs"]!).Select(output => (JsonObject)output!));

    /// <summary>Every output's text in <paramref name="mime"/>, or its stream text.</summary>
    public IEnumerable<string> Texts(string mime) => Outputs
        .Select(output => (string?)output["data"]?[mime] ?? (string?)output["text"] ?? "")
        .Where(text => text.Length > 0);

    /// <summary>The plain-text output that starts with <paramref name="prefix"/>. Fails
    /// unless exactly one does.</summary>
    public string SinglePlainText(string prefix) =>
        Assert.Single(Texts("text/plain"), text => text.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The runner's 1-based index of the first code cell whose source contains
    /// <paramref name="fragment"/>.</summary>
    public int CellIndexContaining(string fragment)
    {
        for (int i = 0; i < Cells.Count; i++)
        {
            var source = (JsonArray)Cells[i]["source"]!;
            bool isCode = (string?)Cells[i]["cell_type"] == "code";
            if (isCode && string.Concat(source.Select(line => (string?)line)).Contains(fragment))
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"No code cell of {FileName} contains '{fragment}'.");
    }

    /// <summary>The number the runner's log reports as display updates of cell
    /// <paramref name="index"/>, 0 when its line names none.</summary>
    public int DisplayUpdates(int index)
    {
        string prefix = $"{FileName} cell {index} (csharp): ok";
        string line = Assert.Single(Result.Output.Split('\n'), l => l.StartsWith(prefix));
        var match = Regex.Match(line, @", (\d+) display updates");
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The number after <paramref name="label"/> at the start of a line of plain-text
    /// output, read as invariant-culture text. Fails unless exactly one output has such a
    /// line.</summary>
    public double NumberAfter(string label)
    {
        var pattern = new Regex("^" + Regex.Escape(label) + @"\s*(-?[0-9.]+(?:e[+-]?[0-9]+)?)",
            RegexOptions.Multiline | RegexOptions.IgnoreCase);
        var matches = Texts("text/plain").Select(text => pattern.Match(text))
            .Where(match => match.Success);
        var match = Assert.Single(matches);
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Asserts that the runner finished every cell and no output is an error.</summary>
    public void AssertRanCleanly()
    {
        Assert.True(Result.ExitCode == 0, Result.Output);
        Assert.Contains("1 notebook(s) ran without a failing cell.", Result.Output);
        Assert.DoesNotContain("FAILED", Result.Output);
        Assert.DoesNotContain(Outputs, output => (string?)output["output_type"] == "error");
    }
}
