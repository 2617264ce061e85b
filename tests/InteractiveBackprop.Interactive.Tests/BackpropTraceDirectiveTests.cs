namespace InteractiveBackprop.Interactive.Tests;

public sealed class BackpropTraceDirectiveTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    private KernelHarness Harness => fixture.Harness;

    [Fact]
    public async Task TraceShowsEveryTensorWithFormula()
    {
        var result = await Harness.SubmitAsync("#!backprop");

        Assert.Null(result.Failure);
        string text = result.SingleText;
        Assert.StartsWith("Forward and backward pass of Linear [3 → 4], batch 5 (affine " +
            "Y = X·W + b)\n", text);
        foreach (string line in new[]
        {
            "X [5,3]: the input batch, one row per example",
            "W [3,4]: a parameter",
            "b [1,4]: a parameter",
            "Y [5,4]: Y = X·W + b",
            "dY [5,4]: dY = ∂L/∂Y, seeded random, as if L = Σ dY ⊙ Y",
            "dX [5,3]: dX = dY·Wᵀ",
            "dW [3,4]: dW = Xᵀ·dY",
            "db [1,4]: db = 1ᵀ·dY, the column sums of dY",
        })
        {
            Assert.Contains("\n" + line + "\n", text);
        }
    }

    [Fact]
    public async Task TraceRendersHtmlAndLatex()
    {
        var result = await Harness.SubmitAsync("#!backprop");

        Assert.Contains("<div class=\"ib-trace\"", Assert.Single(result.Html));
        string latex = Assert.Single(result.Latex)!;
        Assert.StartsWith(@"$$\begin{aligned}X &= \begin{bmatrix}", latex);
        Assert.Contains(@"\frac{\partial L}{\partial W} = X^\top\,\frac{\partial L}{\partial Y} " +
            @"&= \begin{bmatrix}", latex);
        Assert.EndsWith(@"\end{aligned}$$", latex);
    }

    [Fact]
    public async Task TraceOptionsSetShapes()
    {
        var result = await Harness.SubmitAsync("#!backprop --batch 2 --in 6 --out 7 --seed 4");

        Assert.Contains("\nX [2,6]:", result.SingleText);
        Assert.Contains("\nW [6,7]:", result.SingleText);
        Assert.Contains("\ndX [2,6]:", result.SingleText);
    }

    [Fact]
    public async Task TraceOfUserLayerNamesCalls()
    {
        var result = await Harness.SubmitAsync("#!backprop --layer tanh --in 2");

        Assert.Contains("\nY [5,2]: Y = TanhLayer.Forward(X)\n", result.SingleText);
        Assert.Contains("\ndX [5,2]: dX from TanhLayer.Backward(dY)\n", result.SingleText);
    }

    [Fact]
    public async Task TraceRejectsLossHead()
    {
        var result = await Harness.SubmitAsync("#!backprop --layer mse");

        Assert.Equal("#!backprop: --layer mse: 'mse' is a loss head (ILoss), and #!backprop " +
            "shows a layer's pass. Check the loss head with #!backprop-check --layer mse.",
            result.Failure);
    }

    [Fact]
    public async Task TraceRejectsInvalidValues()
    {
        var wrongType = await Harness.SubmitAsync("#!backprop --batch many");
        var unknown = await Harness.SubmitAsync("#!backprop --mode full");
        var missing = await Harness.SubmitAsync("#!backprop --layer ghost");

        Assert.Equal("#!backprop: --batch expects a whole number, but got 'many'. Example: " +
            "--batch 5", wrongType.Failure);
        Assert.StartsWith("#!backprop: unknown option '--mode'.", unknown.Failure);
        Assert.StartsWith("#!backprop: --layer ghost: no C# variable named 'ghost' exists.",
            missing.Failure);
    }

    [Fact]
    public async Task TraceReportsThrowingForward()
    {
        var result = await Harness.SubmitAsync("#!backprop --layer broken");

        Assert.Equal("#!backprop: BrokenLayer.Forward threw InvalidOperationException: not " +
            "ready", result.Failure);
    }
}
