namespace InteractiveBackprop.Notebooks.Tests;

public sealed class NotebookLoadTests
{
    [Fact]
    public void MalformedJsonNamesLine()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("bad.ipynb", "{\n  \"cells\": [\n}");

        var error = Assert.Throws<RunnerException>(() => Notebook.Load(path));

        Assert.StartsWith($"{path} is not a valid notebook: its JSON is malformed at line 3",
            error.Message);
        Assert.DoesNotContain("LineNumber:", error.Message);
    }

    [Fact]
    public void NotebookWithoutCellsIsRejected()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("bad.ipynb", """{"metadata": {}, "nbformat": 4}""");

        var error = Assert.Throws<RunnerException>(() => Notebook.Load(path));

        Assert.Contains("it has no \"cells\" array", error.Message);
    }

    [Fact]
    public void OldFormatIsRejected()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("old.ipynb",
            """{"nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": []}], "metadata": {}}""");

        var error = Assert.Throws<RunnerException>(() => Notebook.Load(path));

        Assert.Contains("has nbformat 3", error.Message);
    }

    [Fact]
    public void CellKernelComesFromPolyglotMetadata()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Write("k.ipynb", """
            {"cells": [
              {"cell_type": "markdown", "metadata": {}, "source": ["# title"]},
              {"cell_type": "code", "metadata": {"polyglot_notebook": {"kernelName": "fsharp"}},
               "source": ["1 +", " 1"], "outputs": []},
              {"cell_type": "code", "metadata": {}, "source": "2", "outputs": []}
            ],
             "metadata": {"polyglot_notebook": {"kernelInfo": {"defaultKernelName": "csharp"}}},
             "nbformat": 4, "nbformat_minor": 5}
            """);

        var notebook = Notebook.Load(path);

        Assert.Equal(2, notebook.CodeCells.Count);
        Assert.Equal((2, "fsharp", "1 + 1"),
            (notebook.CodeCells[0].Index, notebook.CodeCells[0].KernelName,
             notebook.CodeCells[0].Source));
        Assert.Equal("csharp", notebook.CodeCells[1].KernelName);
    }
}
