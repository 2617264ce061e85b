using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>The notebooks are valid nbformat 4.5 files as Jupyter reads them.</summary>
public sealed partial class NotebookFormatTests
{
    [Theory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public void NotebookCellsHaveUniqueIds(string notebook)
    {
        // nbformat 4.5 requires a cell id. Jupyter gives a cell without one a random id on every
        // read, so a signature from `jupyter trust` never matches and the UI never trusts the
        // notebook's outputs, and each autosave writes new ids into the file.
        var root = JsonNode.Parse(File.ReadAllText(
            Path.Combine(JupyterHost.Root, "notebooks", notebook)))!;
        int minor = (int)root["nbformat_minor"]!;
        var ids = root["cells"]!.AsArray().Select(cell => (string?)cell!["id"]).ToList();

        Assert.True(minor >= 5, $"nbformat_minor is {minor}; cell ids need 4.5 or later");
        Assert.All(ids, id => Assert.Matches(IdPattern(), id ?? ""));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    // The pattern of a cell id in the nbformat 4.5 schema.
    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex IdPattern();
}
