namespace InteractiveBackprop.Notebooks.Tests;

public sealed class NotebookTwoFixture(EngineFixture engine)
    : NotebookRunFixture(engine, "02-frobenius-derivation.ipynb");

[Collection(EngineCollection.Name)]
public sealed class NotebookTwoTests : IClassFixture<NotebookTwoFixture>
{
    // The values are printed with 12 decimals, so two forms of one sum agree to the last digit.
    private const double PrintedDigits = 1e-12;

    private readonly NotebookTwoFixture _run;

    public NotebookTwoTests(NotebookTwoFixture run) => _run = run;

    [Fact]
    public void EveryCellRunsWithoutError()
    {
        _run.AssertRanCleanly();
    }

    [Fact]
    public void TraceFormEqualsElementForm()
    {
        double element = _run.NumberAfter("element form  Σ G_ij ΔY_ij =");
        double trace = _run.NumberAfter("trace form    tr(Gᵀ ΔY)    =");

        Assert.NotEqual(0, element);
        Assert.Equal(element, trace, PrintedDigits);
    }

    [Fact]
    public void FrobeniusProductPredictsLossChange()
    {
        double change = _run.NumberAfter("L(Y + ΔY) - L(Y) =");
        double predicted = _run.NumberAfter("G : ΔY           =");

        Assert.NotEqual(0, change);
        // A step of 1e-6 leaves a second-order term about 1e-12, below the 7 printed digits.
        Assert.Equal(predicted, change, Math.Abs(change) * 1e-5);
    }

    [Fact]
    public void DifferentialMatchesChangeOfY()
    {
        double difference = _run.NumberAfter("max |change - (ΔX·W + X·ΔW + 1·Δb)| =");

        // The second-order term ΔX·ΔW is about Step² = 1e-12, but a wrong term would be about 1e-6.
        Assert.InRange(difference, 0, 1e-10);
    }

    [Fact]
    public void WrongOrderShowsShapeError()
    {
        Assert.Contains(_run.Texts("text/plain"), t => t.StartsWith(
            "MatMul: cannot multiply [3,2] by [4,3]: the inner dimensions differ"));
    }

    [Fact]
    public void SquareCounterexampleDiffers()
    {
        string text = _run.SinglePlainText("ΔX·W = ");

        Assert.Contains("ΔX·W = [[0, 1],\n [1, 2]] shape [2,2]", text);
        Assert.Contains("W·ΔX = [[2, 1],\n [1, 0]] shape [2,2]", text);
        Assert.EndsWith("equal: False\n", text);
    }

    [Fact]
    public void CyclicPropertyHoldsOnRandomMatrices()
    {
        double first = _run.NumberAfter("A : BC   =");
        double second = _run.NumberAfter("BᵀA : C  =");
        double third = _run.NumberAfter("ACᵀ : B  =");

        Assert.NotEqual(0, first);
        Assert.Equal(first, second, PrintedDigits);
        Assert.Equal(first, third, PrintedDigits);
    }

    [Fact]
    public void ReadOffGradientsHaveInputShapes()
    {
        Assert.Contains(_run.Texts("text/plain"), t => t == "dX [4,3], dW [3,2], db [1,2]\n");
        Assert.Contains(_run.Texts("text/html"),
            t => t.Contains("class=\"ib-tensor\"") && t.Contains("shape [1,2]</caption>"));
    }

    [Fact]
    public void ReadOffGradientsEqualLinearLayer()
    {
        Assert.Contains(_run.Texts("text/plain"), t => t ==
            "1ᵀ·dY equals dY.Sum(axis: 0): True\ndX equals Linear's: True\n" +
            "dW equals Linear's: True\ndb equals Linear's: True\n");
    }

    [Fact]
    public void MeanBiasGradientIsOffByBatchSize()
    {
        double numeric = _run.NumberAfter("central difference ∂L/∂b0 =");
        double sum = _run.NumberAfter("sum of dY's rows          =");
        double mean = _run.NumberAfter("mean of dY's rows         =");

        // The central difference of a quadratic loss is exact up to rounding.
        Assert.Equal(numeric, sum, 1e-9);
        Assert.Equal(sum / 4, mean, 1e-9);
        Assert.Contains(_run.Texts("text/plain"),
            t => t.Contains("mean / sum = 0.2500 = 1/B with B = 4"));
    }

    [Fact]
    public void DeriveReadsOffLinearGradients()
    {
        string derivation = _run.SinglePlainText("Forward\n  Y = X·W + 1_B·b");

        Assert.Contains("dX = ∂L/∂X = G_Y·Wᵀ    [B×N]", derivation);
        Assert.Contains("dW = ∂L/∂W = Xᵀ·G_Y    [N×M]", derivation);
        Assert.Contains("db = ∂L/∂b = Σᵢ G_Y[i,:]    [1×M]", derivation);
        Assert.Contains(": PASSED", derivation);
    }

    [Fact]
    public void NaiveWeightClaimIsWrong()
    {
        string claim = _run.SinglePlainText("Claim dW = dY X for Y = X W + b: WRONG");

        Assert.Contains("shape: wrong. dY X: [B,M] times [B,N]", claim);
        Assert.Contains("corrected claim: dW = Xᵀ·dY", claim);
    }

    [Fact]
    public void DeriveHandlesSigmoidLayer()
    {
        string derivation = _run.SinglePlainText("Forward\n  H = σ(X·W + 1_B·b)");

        Assert.Contains("dW = ∂L/∂W = Xᵀ·(G_H ⊙ (H ⊙ (1 - H)))", derivation);
        Assert.Contains(": PASSED", derivation);
    }

    [Fact]
    public void SigmoidLayerPassesCheck()
    {
        string report = _run.SinglePlainText("Gradient check of sigmoidLayer (SigmoidLinear)");

        Assert.Contains(": PASSED", report.Split('\n')[0]);
        foreach (string gradient in new[] { "dX   pass", "dW   pass", "db   pass" })
        {
            Assert.Contains(gradient, report);
        }
    }
}
