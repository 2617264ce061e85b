using System.Text.RegularExpressions;

namespace InteractiveBackprop.Notebooks.Tests;

public sealed class NotebookThreeFixture(EngineFixture engine)
    : NotebookRunFixture(engine, "03-training-loop.ipynb");

[Collection(EngineCollection.Name)]
public sealed class NotebookThreeTests : IClassFixture<NotebookThreeFixture>
{
    // The notebook trains this many epochs and redraws the chart after each one.
    private const int Epochs = 20;

    private const int TestImages = 360;

    private readonly NotebookThreeFixture _run;

    public NotebookThreeTests(NotebookThreeFixture run) => _run = run;

    [Fact]
    public void EveryCellRunsWithoutError()
    {
        _run.AssertRanCleanly();
    }

    [Fact]
    public void SplitHasExpectedSizes()
    {
        Assert.Contains(_run.Texts("text/plain"), t => t ==
            "training images: 1437, features [1437,64]\ntest images: 360, features [360,64]\n" +
            "classes: 0 1 2 3 4 5 6 7 8 9\n");
    }

    [Fact]
    public void NetworkAndLossPassGradientCheck()
    {
        string network = _run.SinglePlainText("Gradient check of the 64-64-64-10 network");
        string head = _run.SinglePlainText("Gradient check of softmax cross-entropy");

        Assert.Contains(": PASSED", network.Split('\n')[0]);
        Assert.DoesNotContain("FAIL", network);
        Assert.Contains(": PASSED", head.Split('\n')[0]);
        Assert.Contains("dY   pass", head);
    }

    [Fact]
    public void FinalTestAccuracyReachesTarget()
    {
        double accuracy = _run.NumberAfter("test accuracy:");

        Assert.InRange(accuracy, 0.95, 1.0);
    }

    [Fact]
    public void ChartUpdatesAfterEveryEpoch()
    {
        int trainingCell = _run.CellIndexContaining("shown.Update(chart)");

        Assert.Equal(Epochs, _run.DisplayUpdates(trainingCell));
    }

    [Fact]
    public void ChartShowsEveryEpochOfFourSeries()
    {
        string chart = _run.SinglePlainText("Line chart \"Training on the digits\"");

        foreach (string series in new[]
            { "training loss", "test loss", "training accuracy", "test accuracy" })
        {
            Assert.Contains($"  {series}: {Epochs} points, last ({Epochs}, ", chart);
        }

        Assert.Contains(_run.Texts("text/html"), t => t.Contains("class=\"ib-chart\""));
    }

    [Fact]
    public void ConfusionMatrixAgreesWithMistakes()
    {
        string heatmap = _run.SinglePlainText("Heatmap \"Confusion matrix: ");
        string count = Assert.Single(_run.Texts("text/plain"),
            t => t.EndsWith($" of {TestImages} test digits misclassified\n"));
        int mistakes = int.Parse(count.Split(' ')[0]);

        Assert.Contains($"{TestImages - mistakes} of {TestImages} correct", heatmap);
        Assert.InRange(mistakes, 1, TestImages / 20);
    }

    [Fact]
    public void MisclassifiedDigitsAreDrawn()
    {
        string grid = _run.SinglePlainText("Image grid \"Misclassified test digits\"");
        var match = Regex.Match(grid, @"(\d+) images of 8 × 8: ");
        string count = Assert.Single(_run.Texts("text/plain"),
            t => t.EndsWith(" test digits misclassified\n"));

        Assert.True(match.Success, grid);
        Assert.Equal(count.Split(' ')[0], match.Groups[1].Value);
        Assert.Matches(@": \d read as \d", grid);
    }
}
