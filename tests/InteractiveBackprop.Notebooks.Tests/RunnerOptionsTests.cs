namespace InteractiveBackprop.Notebooks.Tests;

public sealed class RunnerOptionsTests
{
    [Fact]
    public void MissingOutputIsExplained()
    {
        var error = Assert.Throws<RunnerException>(() => RunnerOptions.Parse(["notebooks"]));

        Assert.Equal("Name where the executed copies go with --output DIR, or pass --in-place " +
            "to overwrite the source notebooks.", error.Message);
    }

    [Fact]
    public void AllowErrorsIsOffUnlessGiven()
    {
        Assert.False(RunnerOptions.Parse(["n.ipynb", "-o", "out"]).AllowErrors);
        Assert.True(RunnerOptions.Parse(["n.ipynb", "-o", "out", "--allow-errors"]).AllowErrors);
    }

    [Theory]
    [InlineData("-x")]
    [InlineData("--in-place")]
    public void OptionAsValueIsRejected(string next)
    {
        var error = Assert.Throws<RunnerException>(
            () => RunnerOptions.Parse(["n.ipynb", "-o", next]));

        Assert.Equal("Option '-o' needs a value.", error.Message);
    }

    [Fact]
    public void NegativeTimeoutIsNamedAsValue()
    {
        var error = Assert.Throws<RunnerException>(
            () => RunnerOptions.Parse(["n.ipynb", "-o", "out", "--cell-timeout", "-5"]));

        Assert.Equal("Option '--cell-timeout' expects a positive number of seconds, but got '-5'.",
            error.Message);
    }

    [Fact]
    public void UnknownOptionIsNamed()
    {
        var error = Assert.Throws<RunnerException>(
            () => RunnerOptions.Parse(["--fast", "notebooks", "-o", "out"]));

        Assert.Equal("Unknown option '--fast'. Run with --help to see the options.", error.Message);
    }

    [Fact]
    public void NonPositiveTimeoutIsRejected()
    {
        var error = Assert.Throws<RunnerException>(
            () => RunnerOptions.Parse(["n.ipynb", "-o", "out", "--cell-timeout", "0"]));

        Assert.Equal("Option '--cell-timeout' expects a positive number of seconds, but got '0'.",
            error.Message);
    }

    [Fact]
    public void TimeoutBeyondTimerRangeIsRejected()
    {
        var error = Assert.Throws<RunnerException>(
            () => RunnerOptions.Parse(["n.ipynb", "-o", "out", "--cell-timeout", "1e9"]));

        Assert.Equal("Option '--cell-timeout' must be at most 2147483 seconds, but got '1e9'.",
            error.Message);
    }

    [Fact]
    public void NotebookNamedTwiceRunsOnce()
    {
        using var folder = new TemporaryFolder();
        string notebook = folder.Write("a.ipynb", EmptyNotebook);
        var options = RunnerOptions.Parse(
            [notebook, folder.Path, "--output", System.IO.Path.Combine(folder.Path, "out")]);

        Assert.Single(RunnerCommand.PlanJobs(options));
    }

    [Fact]
    public void OptionWithoutValueIsRejected()
    {
        var error = Assert.Throws<RunnerException>(() => RunnerOptions.Parse(["n.ipynb", "-o"]));

        Assert.Equal("Option '-o' needs a value.", error.Message);
    }

    [Fact]
    public void OutputOverSourceIsRefused()
    {
        using var folder = new TemporaryFolder();
        string notebook = folder.Write("a.ipynb", EmptyNotebook);
        var options = RunnerOptions.Parse([notebook, "--output", folder.Path]);

        var error = Assert.Throws<RunnerException>(() => RunnerCommand.PlanJobs(options));

        Assert.Contains("would overwrite the source", error.Message);
    }

    [Fact]
    public void InPlaceTargetsTheSource()
    {
        using var folder = new TemporaryFolder();
        string notebook = folder.Write("a.ipynb", EmptyNotebook);

        var jobs = RunnerCommand.PlanJobs(RunnerOptions.Parse([notebook, "--in-place"]));

        Assert.Equal((notebook, notebook), Assert.Single(jobs));
    }

    [Fact]
    public void FolderContributesItsNotebooksInOrder()
    {
        using var folder = new TemporaryFolder();
        folder.Write("b.ipynb", EmptyNotebook);
        folder.Write("a.ipynb", EmptyNotebook);
        folder.Write("notes.txt", "");

        var jobs = RunnerCommand.PlanJobs(
            RunnerOptions.Parse([folder.Path, "--output", Path.Combine(folder.Path, "out")]));

        Assert.Equal(["a.ipynb", "b.ipynb"], jobs.Select(j => Path.GetFileName(j.Source)));
        Assert.All(jobs, j => Assert.StartsWith(Path.Combine(folder.Path, "out"), j.Target));
    }

    [Fact]
    public void MissingNotebookIsNamed()
    {
        var options = RunnerOptions.Parse(["/no/such/file.ipynb", "-o", "out"]);

        var error = Assert.Throws<RunnerException>(() => RunnerCommand.PlanJobs(options));

        Assert.Equal("Notebook not found: /no/such/file.ipynb. Check the path; the runner takes " +
            ".ipynb files or folders that contain them.", error.Message);
    }

    internal const string EmptyNotebook =
        """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";
}
