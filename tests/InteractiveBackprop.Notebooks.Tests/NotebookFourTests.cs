namespace InteractiveBackprop.Notebooks.Tests;

public sealed class NotebookFourFixture(EngineFixture engine)
    : NotebookRunFixture(engine, "04-check-your-own-layer.ipynb");

[Collection(EngineCollection.Name)]
public sealed class NotebookFourTests : IClassFixture<NotebookFourFixture>
{
    private readonly NotebookFourFixture _run;

    public NotebookFourTests(NotebookFourFixture run) => _run = run;

    /// <summary>The title of each exercise's check report and the gradients it grades.</summary>
    public static TheoryData<string, string[]> Exercises => new()
    {
        { "Gradient check of tanhLayer (MyTanh)", ["dX"] },
        { "Gradient check of noBias (LinearNoBias)", ["dX", "dW"] },
        { "Gradient check of crossEntropy (MySoftmaxCrossEntropy)", ["dY"] },
        { "Gradient check of myLayer (FeatureScale)", ["dX", "da"] },
    };

    [Fact]
    public void EveryCellRunsWithoutError()
    {
        _run.AssertRanCleanly();
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void UnsolvedExerciseFailsWithDiagnosis(string title, string[] gradients)
    {
        string report = _run.Texts("text/plain").First(t => t.StartsWith(title));

        Assert.Contains(": FAILED", report.Split('\n')[0]);
        foreach (string gradient in gradients)
        {
            Assert.Contains($"  {gradient}   FAIL", report);
            Assert.Contains($"diagnosis (AllZero): {gradient} is all zeros", report);
        }
    }

    [Fact]
    public void ScoreVariableHoldsFailingReport()
    {
        Assert.Contains(_run.Texts("text/plain"),
            t => t == "dX: fail\ndW: fail\nall passed: False\n");
    }
}
