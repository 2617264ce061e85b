namespace InteractiveBackprop.Notebooks.Tests;

public sealed class NotebookFourSolutionsFixture(EngineFixture engine)
    : NotebookRunFixture(engine, "04-check-your-own-layer-solutions.ipynb");

[Collection(EngineCollection.Name)]
public sealed class NotebookFourSolutionsTests : IClassFixture<NotebookFourSolutionsFixture>
{
    private readonly NotebookFourSolutionsFixture _run;

    public NotebookFourSolutionsTests(NotebookFourSolutionsFixture run) => _run = run;

    [Fact]
    public void EveryCellRunsWithoutError()
    {
        _run.AssertRanCleanly();
    }

    [Theory]
    [MemberData(nameof(NotebookFourTests.Exercises), MemberType = typeof(NotebookFourTests))]
    public void ReferenceSolutionPassesCheck(string title, string[] gradients)
    {
        var reports = _run.Texts("text/plain").Where(t => t.StartsWith(title)).ToList();

        Assert.NotEmpty(reports);
        foreach (string report in reports)
        {
            Assert.Contains(": PASSED", report.Split('\n')[0]);
            foreach (string gradient in gradients)
            {
                Assert.Contains($"  {gradient}   pass", report);
            }
        }
    }

    [Fact]
    public void ScoreVariableHoldsPassingReport()
    {
        Assert.Contains(_run.Texts("text/plain"),
            t => t == "dX: pass\ndW: pass\nall passed: True\n");
    }
}
