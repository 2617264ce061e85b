using InteractiveBackprop.Symbolic;

namespace InteractiveBackprop.Tests.Symbolic;

public class ShapeUnificationTests
{
    [Theory]
    [InlineData("Y = X W + b", "X: B×N, W: N×M, b: 1×M")]
    [InlineData("Y = b + X W", "b: 1×M, X: B×N, W: N×M")]
    [InlineData("H = relu(X W1 + b1); Y = H W2 + b2", "X: B×N, W1: N×M, b1: 1×M, W2: M×K, b2: 1×K")]
    [InlineData("Y = X W + Z", "X: B×N, W: N×M, Z: 1×M")]
    [InlineData("L = ‖X W - T‖²", "X: B×N, W: N×M, T: B×M")]
    [InlineData("L = tr(A X)", "A: B×N, X: N×B")]
    [InlineData("Y = X W; L = softmax_ce(Y, T)", "X: B×N, W: N×M, T: B×M")]
    public void MissingShapes_AreInferred(string source, string expected)
    {
        var derivation = SymbolicDerivation.Derive(source);

        Assert.Equal(expected, derivation.Program.Declarations.Format());
    }

    [Fact]
    public void InferredBias_SumsOverBatch()
    {
        var derivation = SymbolicDerivation.Derive("Y = X W + b");

        Assert.Equal("Σᵢ G_Y[i,:]", derivation.FormulaOf("b"));
        Assert.True(derivation.CheckNumerically().Passed);
        Assert.StartsWith("Shapes inferred: X: B×N, W: N×M, b: 1×M. A name added to a matrix",
            derivation.ToPlainText());
    }

    [Fact]
    public void BiasUsedTwice_IsNotBroadcast()
    {
        var derivation = SymbolicDerivation.Derive("Y = X W + b; Z = Y .* b");

        Assert.Equal("X: B×N, W: N×M, b: B×M", derivation.Program.Declarations.Format());
    }

    [Fact]
    public void PartialDeclarations_SuggestInferredShape()
    {
        var error = Assert.Throws<SymbolicException>(() => SymbolicDerivation.Derive("Y = X W + b", "X: B×N"));

        Assert.Equal("W is not declared. Declare its shape, for example --shapes \"W: N×M\" " +
            "(declared names: X), or leave out --shapes to infer every shape.", error.Message);
    }

    [Fact]
    public void PartialDeclarations_SuggestBiasRow()
    {
        var error = Assert.Throws<SymbolicException>(
            () => SymbolicDerivation.Derive("Y = X W + b", "X: [B,N], W: [N,M]"));

        Assert.StartsWith("b is not declared. Declare its shape, for example --shapes \"b: 1×M\"",
            error.Message);
    }

    [Fact]
    public void OneByOneOutputNamedY_KeepsUpstreamGradient()
    {
        var derivation = SymbolicDerivation.Derive("Y = X W", "X: 1×3, W: 3×1");

        Assert.False(derivation.OutputIsScalar);
        Assert.Contains("dX = ∂L/∂X = G_Y·Wᵀ    [1×3]", derivation.ToPlainText());
    }

    [Fact]
    public void UnnamedOrLScalarOutput_IsTheLoss()
    {
        Assert.True(SymbolicDerivation.Derive("sum(X W)", "X: 2×3, W: 3×1").OutputIsScalar);
        Assert.True(SymbolicDerivation.Derive("L = sum(X W)", "X: 2×3, W: 3×1").OutputIsScalar);
    }

    [Fact]
    public void ClaimOnOneByOneOutput_IsChecked()
    {
        var report = ClaimChecker.Check("Y = X W + b", "dW = X' dY", "X: 1×1, W: 1×1, b: 1×1");

        Assert.True(report.Passed);
    }
}
