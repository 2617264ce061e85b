using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks.Tests;

/// <summary>Checks the notebooks as committed: sources only, and the same loading cell.</summary>
public sealed class CommittedNotebookTests
{
    public static TheoryData<string> Notebooks => new(NotebookNames());

    [Fact]
    public void TutorialFolderHasEveryNotebook()
    {
        Assert.Equal(
        [
            "01-naive-chain-rule.ipynb",
            "02-frobenius-derivation.ipynb",
            "03-training-loop.ipynb",
            "04-check-your-own-layer-solutions.ipynb",
            "04-check-your-own-layer.ipynb",
        ], NotebookNames());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void CommittedNotebookHasNoOutputs(string name)
    {
        foreach (var cell in CodeCells(name))
        {
            Assert.Empty((JsonArray)cell["outputs"]!);
            Assert.Null(cell["execution_count"]);
        }
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void FirstCodeCellLoadsExtension(string name)
    {
        string expected = CodeCells("01-naive-chain-rule.ipynb")[0]["source"]!.ToJsonString();

        Assert.Equal(expected, CodeCells(name)[0]["source"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void NotebookOpensInBothHosts(string name)
    {
        var notebook = Read(name);

        Assert.Equal(".net-csharp", (string?)notebook["metadata"]!["kernelspec"]!["name"]);
        Assert.Equal("csharp",
            (string?)notebook["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        foreach (var cell in CodeCells(name))
        {
            Assert.Equal("csharp", (string?)cell["metadata"]!["polyglot_notebook"]!["kernelName"]);
            Assert.Equal("csharp", (string?)cell["metadata"]!["dotnet_interactive"]!["language"]);
        }
    }

    private static List<string> NotebookNames() =>
    [
        .. Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal),
    ];

    private static JsonObject Read(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name)))!;

    private static List<JsonObject> CodeCells(string name) =>
    [
        .. ((JsonArray)Read(name)["cells"]!)
            .Select(cell => (JsonObject)cell!)
            .Where(cell => (string?)cell["cell_type"] == "code"),
    ];
}
