using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Interactive.Tests;

public sealed class BackpropCheckDirectiveTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    private KernelHarness Harness => fixture.Harness;

    [Fact]
    public async Task DefaultCheckPassesBundledLinear()
    {
        var result = await Harness.SubmitAsync("#!backprop-check");

        Assert.Null(result.Failure);
        Assert.StartsWith("Gradient check of Linear [3 → 4], batch 5: PASSED (score 1.00)\n" +
            "full mode (every element), 63 loss evaluations, seed 1\n" +
            "structure: affine Y = X·W + b\n" +
            "An element passes when |analytic - numeric| ≤ atol + rtol·|numeric|, with rtol " +
            "1.0e-6 and atol 1.0e-8.\nCS231n bands of the max relative error: over 1e-2 wrong, ",
            result.SingleText);
        Assert.Contains("  dX   pass  shape [5,3]", result.SingleText);
        Assert.Contains("  dW   pass  shape [3,4]", result.SingleText);
        Assert.Contains("  db   pass  shape [1,4]", result.SingleText);
        Assert.Contains("formula: dW = Xᵀ·dY", result.SingleText);
    }

    [Fact]
    public async Task ReportRendersHtmlAndLatex()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer meanBias");

        string html = Assert.Single(result.Html)!;
        string latex = Assert.Single(result.Latex)!;
        Assert.Contains("<div class=\"ib-report\"", html);
        Assert.Contains("<table class=\"ib-heatmap\"", html);
        Assert.Contains("<table class=\"ib-worst\"", html);
        Assert.Contains("<strong>Scaled, factor 1/B:</strong> db is 1/B times the true gradient",
            html);
        Assert.StartsWith(@"$$\begin{aligned}L &= \textstyle\sum_{i,j} R_{ij}\,Y_{ij}", latex);
        Assert.Contains(@"\texttt{db} = \frac{1}{B}\,\frac{\partial L}{\partial b}", latex);
        Assert.EndsWith(@"\end{aligned}$$", latex);
    }

    [Fact]
    public async Task MeanBiasFailsWithoutFailingCell()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer meanBias");

        Assert.Null(result.Failure);
        Assert.StartsWith("Gradient check of meanBias (MeanBiasLinear), batch 5: FAILED " +
            "(score 0.67)", result.SingleText);
        Assert.Contains("  db   FAIL  shape [1,4]", result.SingleText);
        Assert.Contains("diagnosis (Scaled, factor 1/B): db is 1/B times the true gradient, " +
            "where 1/B = 1/5: a mean over the batch where a sum belongs.", result.SingleText);
    }

    [Fact]
    public async Task StrictFailsCellOnFailedCheck()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer meanBias --strict");

        Assert.StartsWith("Gradient check of meanBias", result.SingleText);
        Assert.StartsWith("#!backprop-check --strict: the gradient check of meanBias " +
            "(MeanBiasLinear), batch 5 failed with score 0.67. db: db is 1/B times the true " +
            "gradient", result.Failure);
    }

    [Fact]
    public async Task StrictPassesCorrectLayer()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --strict");

        Assert.Null(result.Failure);
        Assert.Contains("PASSED", result.SingleText);
    }

    [Fact]
    public async Task ShapeOptionsSetShapes()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --batch 7 --in 2 --out 6");

        Assert.StartsWith("Gradient check of Linear [2 → 6], batch 7: PASSED", result.SingleText);
        Assert.Contains("  dX   pass  shape [7,2]", result.SingleText);
        Assert.Contains("  dW   pass  shape [2,6]", result.SingleText);
        Assert.Contains("  db   pass  shape [1,6]", result.SingleText);
    }

    [Fact]
    public async Task SameSeedGivesSameReport()
    {
        var first = await Harness.SubmitAsync("#!backprop-check --seed 9 --mode sampled");
        var second = await Harness.SubmitAsync("#!backprop-check --seed 9 --mode sampled");
        var other = await Harness.SubmitAsync("#!backprop-check --seed 10 --mode sampled");

        Assert.Contains(", seed 9\n", first.SingleText);
        Assert.Equal(first.SingleText, second.SingleText);
        Assert.NotEqual(first.SingleText, other.SingleText);
    }

    [Fact]
    public async Task TolerancesAppearInReport()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --rtol 1e-3 --atol 1e-5");

        Assert.Contains("with rtol 1.0e-3 and atol 1.0e-5.", result.SingleText);
    }

    [Fact]
    public async Task LooseToleranceCanPassWrongLayer()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer meanBias --rtol 0.9");

        Assert.Contains("PASSED", result.SingleText);
    }

    [Fact]
    public async Task SampledModeIsReported()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --mode sampled --samples 3");

        Assert.Contains("sampled mode (3 random elements per gradient), 19 loss evaluations",
            result.SingleText);
    }

    [Fact]
    public async Task DirectionalModeCatchesMeanBias()
    {
        var result = await Harness.SubmitAsync(
            "#!backprop-check --layer meanBias --mode directional --samples 2");

        Assert.Contains("directional mode (2 random directions u per gradient, comparing " +
            "⟨gradient, u⟩ = vᵀ·J·u), 13 loss evaluations", result.SingleText);
        Assert.Contains("diagnosis (Scaled, factor 1/B)", result.SingleText);
    }

    [Fact]
    public async Task ScoreToStoresReportInCSharp()
    {
        var result = await Harness.SubmitAsync(
            "#!backprop-check --layer meanBias --seed 77 --score-to grade");

        Assert.Null(result.Failure);
        Assert.True(Harness.CSharp.TryGetValue<GradientCheckReport>("grade", out var report));
        Assert.Equal(2.0 / 3, report.Score, 1e-12);
        Assert.Equal("1/B", report["db"].Diagnosis!.FactorName);
        Assert.Equal(77, report.Options.Seed);
        var cell = await Harness.SubmitAsync("if (grade[\"db\"].Score != 0) throw new Exception();");
        Assert.Null(cell.Failure);
    }

    [Fact]
    public async Task LossHeadVariableIsChecked()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer mse --out 3");

        Assert.StartsWith("Gradient check of mse (MeanSquaredError), Y [5,3] against a one-hot " +
            "target: PASSED", result.SingleText);
        Assert.Contains("  dY   pass  shape [5,3]", result.SingleText);
    }

    [Fact]
    public async Task LayerWithoutParametersUsesDefaultWidth()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer tanh");

        Assert.StartsWith("Gradient check of tanh (TanhLayer), batch 5: PASSED", result.SingleText);
        Assert.Contains("  dX   pass  shape [5,3]", result.SingleText);
    }

    [Fact]
    public async Task InputWidthIsInferredFromWeight()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer wide");

        Assert.Contains("  dX   pass  shape [5,6]", result.SingleText);
        Assert.Contains("  dW   pass  shape [6,2]", result.SingleText);
    }

    [Fact]
    public async Task LoadingTwiceIsHarmless()
    {
        await new BackpropKernelExtension().OnLoadAsync(Harness.Kernel);

        var result = await Harness.SubmitAsync("#!backprop-check");

        Assert.Null(result.Failure);
        Assert.Contains("PASSED", result.SingleText);
    }

    [Fact]
    public async Task ExtensionLoadedOnCSharpKernelWorks()
    {
        using var session = await KernelSession.StartAsync();
        await new BackpropKernelExtension().OnLoadAsync(session.CSharp);
        await session.SubmitAsync("var onCSharp = InteractiveBackprop.Layers.Linear.Create(6, 2, 1);");

        var result = await session.SubmitAsync("#!backprop-check --layer onCSharp");

        Assert.Null(KernelSession.FailureMessage(result));
        string text = Assert.Single(KernelSession.Displays(result))["text/plain"];
        Assert.StartsWith("Gradient check of onCSharp (Linear), batch 5: PASSED", text);
    }

    [Fact]
    public async Task ReportReturnedFromCellIsFormatted()
    {
        using var session = await KernelSession.StartAsync();
        const string code = """
            using InteractiveBackprop.Checking;
            using InteractiveBackprop.Layers;
            using InteractiveBackprop.Tensors;

            sealed class TransposedWeightLinear : ILayer
            {
                private readonly Linear _inner = Linear.Create(3, 3, seed: 2);
                public IReadOnlyList<Parameter> Parameters => _inner.Parameters;
                public Tensor Forward(Tensor input) => _inner.Forward(input);
                public Tensor Backward(Tensor dY)
                {
                    var dX = _inner.Backward(dY);
                    _inner.Weight.Grad = _inner.Weight.Grad!.T;
                    return dX;
                }
            }

            GradientCheck.CheckLayer(new TransposedWeightLinear(),
                Tensor.RandomUniform(5, 3, seed: 1), subject: "TransposedWeightLinear")
            """;

        var result = await session.SubmitAsync(code);

        Assert.Null(KernelSession.FailureMessage(result));
        var display = Assert.Single(KernelSession.Displays(result));
        Assert.StartsWith("Gradient check of TransposedWeightLinear: FAILED", display["text/plain"]);
        Assert.Contains("diagnosis (Transposed): dW is the transpose of the true gradient",
            display["text/plain"]);
        Assert.Contains("<div class=\"ib-report\"", display["text/html"]);
        Assert.StartsWith(@"$$\begin{aligned}", display["text/latex"]);
    }
}
