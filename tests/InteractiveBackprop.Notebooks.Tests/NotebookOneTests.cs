using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks.Tests;

/// <summary>Runs notebook 01 through the runner and the real engine once, then checks what it
/// shows.</summary>
public sealed class NotebookOneFixture
{
    public NotebookOneFixture(EngineFixture engine)
    {
        Source = Path.Combine(RepositoryPaths.Notebooks, "01-naive-chain-rule.ipynb");
        SourceText = File.ReadAllText(Source);
        Result = engine.RunRunner(Source, "--output", engine.Output);
        Executed = Path.Combine(engine.Output, "01-naive-chain-rule.ipynb");
        Outputs = File.Exists(Executed)
            ? ((JsonArray)JsonNode.Parse(File.ReadAllText(Executed))!["cells"]!)
                .Where(cell => (string?)cell!["cell_type"] == "code")
                .Select(cell => (JsonArray)cell!["outputs"]!)
                .ToList()
            : [];
    }

    public string Source { get; }

    public string SourceText { get; }

    public ProcessResult Result { get; }

    public string Executed { get; }

    /// <summary>The outputs of each code cell, in order.</summary>
    public IReadOnlyList<JsonArray> Outputs { get; }

    /// <summary>Every output's text in every MIME type, for searching.</summary>
    public IEnumerable<string> Texts(string mime) => Outputs.SelectMany(outputs => outputs)
        .Select(output => (string?)output!["data"]?[mime] ?? (string?)output!["text"] ?? "")
        .Where(text => text.Length > 0);
}

[Collection(EngineCollection.Name)]
public sealed class NotebookOneTests : IClassFixture<NotebookOneFixture>
{
    private readonly NotebookOneFixture _run;

    public NotebookOneTests(NotebookOneFixture run) => _run = run;

    [Fact]
    public void RunnerExitsCleanlyAndReportsEachCell()
    {
        Assert.True(_run.Result.ExitCode == 0, _run.Result.Output);
        Assert.Contains("01-naive-chain-rule.ipynb cell 2 (csharp): ok", _run.Result.Output);
        Assert.Contains("1 notebook(s) ran without a failing cell.", _run.Result.Output);
        Assert.DoesNotContain("FAILED", _run.Result.Output);
    }

    [Fact]
    public void SourceNotebookIsLeftUnchanged()
    {
        Assert.Equal(_run.SourceText, File.ReadAllText(_run.Source));
    }

    [Fact]
    public void TensorsAreShownAsTables()
    {
        var html = _run.Texts("text/html").Where(t => t.Contains("class=\"ib-tensor\"")).ToList();

        Assert.Contains(html, t => t.Contains("shape [4,3]</caption>"));
        Assert.Contains(html, t => t.Contains("shape [3,2]</caption>"));
        Assert.Contains(html, t => t.Contains("shape [1,2]</caption>"));
        Assert.Contains(_run.Texts("text/latex"), t => t.StartsWith(@"$$\begin{bmatrix}"));
    }

    [Fact]
    public void NaiveWeightGradientShowsShapeError()
    {
        Assert.Contains(_run.Texts("text/plain"), t => t.StartsWith(
            "MatMul: cannot multiply [4,2] by [4,3]: the inner dimensions differ"));
    }

    [Fact]
    public void ForwardPassHasHandCheckedValue()
    {
        // Y[0,0] = 1·0.2 + 2·0.1 + (-1)·(-0.3) + 0.1 = 0.8.
        Assert.Contains(_run.Texts("text/plain"), t => t.StartsWith("[[   0.8,  -0.15],"));
    }

    [Fact]
    public void LayerBackwardAgreesWithHandFormulas()
    {
        Assert.Contains(_run.Texts("text/plain"),
            t => t == "dX equal: True\ndW equal: True\ndb equal: True\n");
    }

    [Fact]
    public void MeanBiasFailsByOneOverB()
    {
        string report = Assert.Single(_run.Texts("text/plain"),
            t => t.StartsWith("Gradient check of meanBias"));
        var lines = report.Split('\n');

        Assert.Contains(": FAILED", lines[0]);
        Assert.Contains(lines, l => l.Contains("dX   pass"));
        Assert.Contains(lines, l => l.Contains("dW   pass"));
        Assert.Contains(lines, l => l.Contains("db   FAIL"));
        Assert.Contains(lines, l => l.Contains("diagnosis (Scaled, factor 1/B): db is 1/B times " +
            "the true gradient, where 1/B = 1/5: a mean over the batch where a sum belongs."));
    }

    [Fact]
    public void DiagnosisIsReadableInCode()
    {
        Assert.Contains(_run.Texts("text/plain"),
            t => t == "db passed: False; factor 1/B = 0.2\n");
    }

    [Fact]
    public void BackpropCheckPassesAllThreeGradients()
    {
        string report = Assert.Single(_run.Texts("text/plain"),
            t => t.StartsWith("Gradient check of Linear"));

        Assert.StartsWith("Gradient check of Linear [3 → 4], batch 5: PASSED", report);
        foreach (string gradient in new[]
        {
            "dX   pass  shape [5,3]", "dW   pass  shape [3,4]", "db   pass  shape [1,4]",
        })
        {
            string line = Assert.Single(report.Split('\n'), l => l.Contains(gradient));
            Assert.EndsWith("score 1.00", line);
        }
    }

    [Fact]
    public void NoCellHasAnError()
    {
        Assert.DoesNotContain(_run.Outputs.SelectMany(o => o),
            output => (string?)output!["output_type"] == "error");
    }
}
