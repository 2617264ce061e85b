using InteractiveBackprop.Symbolic;

namespace InteractiveBackprop.Tests.Symbolic;

public class ClaimCheckerTests
{
    private const string Linear = "Y = X W + b";

    private const string LinearShapes = "X: B×N, W: N×M, b: 1×M";

    [Fact]
    public void NaiveWeightGradient_FailsOnShape()
    {
        var report = ClaimChecker.Check(Linear, "dW = dY·X", LinearShapes);

        Assert.False(report.Passed);
        Assert.Equal("dY·X: [B,M] times [B,N], inner dimensions M and B differ. A product A·B needs " +
            "the columns of A to match the rows of B; check the order of the operands and whether " +
            "one needs a transpose.", report.ShapeProblem);
        Assert.Null(report.Numbers);
        Assert.Equal("dW = Xᵀ·dY", report.DerivedFormula);
        Assert.Equal(["swap the operands of dY·X", "transpose X"], report.Differences);
        Assert.Equal("dW = Xᵀ·dY", report.Correction);
    }

    [Fact]
    public void BiasAsBatchMean_IsOffByBatchSize()
    {
        var report = ClaimChecker.Check(Linear, "db = mean(dY, 0)", LinearShapes);

        Assert.False(report.Passed);
        Assert.Null(report.ShapeProblem);
        Assert.False(report.Numbers!.Passed);
        Assert.Equal("db = Σᵢ dY[i,:]", report.DerivedFormula);
        Assert.Equal(["the claim is 1/B times the derived gradient: it divides by B, as a mean over " +
            "B would, but L does not average over B here, so the gradient sums instead."],
            report.Differences);
        Assert.Equal("db = Σᵢ dY[i,:]", report.Correction);
    }

    [Fact]
    public void TransposedWeightGradient_FailsOnShape()
    {
        var report = ClaimChecker.Check(Linear, "dW = dY' X", LinearShapes);

        Assert.False(report.Passed);
        Assert.Equal("dYᵀ·X has shape [M,N], but W has shape [N,M], and a gradient has the shape " +
            "of the value it differentiates.", report.ShapeProblem);
        Assert.Equal(["transpose the whole claim dYᵀ·X"], report.Differences);
    }

    [Fact]
    public void CorrectClaim_Passes()
    {
        var report = ClaimChecker.Check(Linear, "dW = X' dY", LinearShapes);

        Assert.True(report.Passed);
        Assert.Empty(report.Differences);
        Assert.Null(report.Correction);
        Assert.Contains("numbers: match", report.ToPlainText());
    }

    [Fact]
    public void DoubledGradient_NamesFactor()
    {
        var report = ClaimChecker.Check(Linear, "dX = 2 dY W'", LinearShapes);

        Assert.False(report.Passed);
        Assert.Equal(["the claim is 2 times the derived gradient; remove that factor."], report.Differences);
    }

    [Fact]
    public void WrongSign_IsNamed()
    {
        var report = ClaimChecker.Check("L = ‖X W - T‖²", "dW = 2 X' (T - X W)", "X: B×N, W: N×M, T: B×M");

        Assert.False(report.Passed);
        Assert.Equal(["the claim has the wrong sign: it is -1 times the derived gradient."], report.Differences);
    }

    [Fact]
    public void IntermediateGradientName_IsAccepted()
    {
        var report = ClaimChecker.Check("H = relu(X W1); Y = H W2", "dW1 = X' (dH .* relu(X W1))",
            "X: B×N, W1: N×K, W2: K×M");

        Assert.False(report.Passed);
        Assert.NotNull(report.Numbers);
    }

    [Fact]
    public void ClaimOfUnknownGradient_IsRejected()
    {
        var error = Assert.Throws<SymbolicException>(() => ClaimChecker.Check(Linear, "dQ = X", LinearShapes));

        Assert.Equal("dQ is not the gradient of an input; gradients: dX, dW, db.\n  dQ = X\n  ^^",
            error.FormatWithCaret().Replace("\r", ""));
    }

    private const string LinearNames = "A claim may use X, W, b, Y and their gradients dX, dW, " +
        "db, dY.";

    public static TheoryData<string, string> MisspeltNames => new()
    {
        { "dW = X' dQ", $"dQ is not a name of the forward statements. {LinearNames} Did you mean " +
            "dY?\n  dW = X' dQ\n          ^^" },
        { "dW = X' dy", $"dy is not a name of the forward statements. {LinearNames} Did you mean " +
            "dY?\n  dW = X' dy\n          ^^" },
        { "dW = X' G_Y", $"G_Y is not a name of the forward statements. {LinearNames} Did you " +
            "mean dY?\n  dW = X' G_Y\n          ^^^" },
        { "dW = Xt dY", $"Xt is not a name of the forward statements. {LinearNames} Did you mean " +
            "X?\n  dW = Xt dY\n       ^^" },
    };

    [Theory]
    [MemberData(nameof(MisspeltNames))]
    public void MisspeltNameInClaim_SuggestsClosest(string claim, string message)
    {
        var error = Assert.Throws<SymbolicException>(() => ClaimChecker.Check(Linear, claim, LinearShapes));

        Assert.Equal(message, error.FormatWithCaret().Replace("\r", ""));
    }

    [Fact]
    public void UnknownNameWithoutShapes_IsNotShapeProblem()
    {
        var error = Assert.Throws<SymbolicException>(() => ClaimChecker.Check(Linear, "dW = X' Grad"));

        Assert.Equal($"Grad is not a name of the forward statements. {LinearNames}", error.Message);
    }

    [Fact]
    public void IntermediateNames_AreListed()
    {
        var error = Assert.Throws<SymbolicException>(() => ClaimChecker.Check(
            "H = relu(X W1); Y = H W2", "dW2 = H' dh", "X: B×N, W1: N×K, W2: K×M"));

        Assert.Equal("dh is not a name of the forward statements. A claim may use X, W1, W2, H, Y " +
            "and their gradients dX, dW1, dW2, dH, dY. Did you mean dH?", error.Message);
    }

    [Fact]
    public void ToString_IsPlainTextReport()
    {
        var report = ClaimChecker.Check(Linear, "dW = X' dY", LinearShapes);

        Assert.Equal(report.ToPlainText(), report.ToString());
        Assert.Contains("numbers: match", report.ToString());
    }
}
