using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks.Tests;

[Collection(EngineCollection.Name)]
public sealed class FailingNotebookTests
{
    private readonly EngineFixture _engine;

    public FailingNotebookTests(EngineFixture engine) => _engine = engine;

    [Fact]
    public void CompileErrorFailsRunAndNamesCell()
    {
        using var folder = new TemporaryFolder();
        string source = folder.Write("broken.ipynb", """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "var x = 1;"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "undefinedName + 1"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "x"}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string target = Path.Combine(folder.Path, "out", "broken.ipynb");

        var result = _engine.RunRunner(source, "--output", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.ipynb cell 2 (csharp): FAILED", result.Output);
        Assert.Contains("broken.ipynb cell 3 (csharp): not run", result.Output);
        Assert.Contains($"{source} cell 2 (csharp) failed: (1,1): error CS0103: The name " +
            "'undefinedName' does not exist in the current context", result.Output);
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(target))!["cells"]!;
        var error = Assert.Single((JsonArray)cells[1]!["outputs"]!)!;
        Assert.Equal("error", (string?)error["output_type"]);
        Assert.Contains("CS0103", (string?)error["evalue"]);
        Assert.Empty((JsonArray)cells[2]!["outputs"]!);
    }

    [Fact]
    public void AllowErrorsRunsEveryCellAndExitsZero()
    {
        using var folder = new TemporaryFolder();
        string source = folder.Write("broken.ipynb", """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "var x = 1;"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "undefinedName + 1"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "x + 41"}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string target = Path.Combine(folder.Path, "out", "broken.ipynb");

        var result = _engine.RunRunner(source, "--output", target, "--allow-errors");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("broken.ipynb cell 2 (csharp): FAILED", result.Output);
        Assert.Contains("broken.ipynb cell 3 (csharp): ok", result.Output);
        Assert.Contains("1 cell(s) failed; --allow-errors kept their errors in the executed " +
            "copies.", result.Output);
        var cells = (JsonArray)JsonNode.Parse(File.ReadAllText(target))!["cells"]!;
        var error = Assert.Single((JsonArray)cells[1]!["outputs"]!)!;
        Assert.Equal("error", (string?)error["output_type"]);
        var value = Assert.Single((JsonArray)cells[2]!["outputs"]!)!;
        Assert.Contains("42", value["data"]!.ToJsonString());
    }

    [Fact]
    public void TimeoutStopsRunEvenWithAllowErrors()
    {
        using var folder = new TemporaryFolder();
        string source = folder.Write("slow.ipynb", """
            {"cells": [
              {"cell_type": "code", "metadata": {}, "outputs": [],
               "source": "System.Threading.Thread.Sleep(30000);"},
              {"cell_type": "code", "metadata": {}, "outputs": [], "source": "1 + 1"}
            ], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """);
        string target = Path.Combine(folder.Path, "out", "slow.ipynb");

        var result = _engine.RunRunner(source, "--output", target, "--allow-errors",
            "--cell-timeout", "3");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("slow.ipynb cell 1 (csharp): FAILED", result.Output);
        Assert.Contains("slow.ipynb cell 2 (csharp): not run", result.Output);
    }

    [Fact]
    public void MissingNotebookExitsWithUsageStatus()
    {
        var result = _engine.RunRunner("/no/such.ipynb", "--output", _engine.Output);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error: Notebook not found: /no/such.ipynb.", result.Output);
    }
}
