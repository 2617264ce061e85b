using InteractiveBackprop.Symbolic;

namespace InteractiveBackprop.Tests.Symbolic;

public class CoverageTests
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "Y = X W + b", "X: B×N, W: N×M, b: 1×M", "W", "Xᵀ·G_Y" },
        { "Y = X W + b", "X: B×N, W: N×M, b: 1×M", "X", "G_Y·Wᵀ" },
        { "Y = X W + b", "X: B×N, W: N×M, b: 1×M", "b", "Σᵢ G_Y[i,:]" },
        { "H = sigmoid(X W + b)", "X: B×N, W: N×M, b: 1×M", "W", "Xᵀ·(G_H ⊙ (H ⊙ (1 - H)))" },
        { "H = sigmoid(X W + b)", "X: B×N, W: N×M, b: 1×M", "b", "Σᵢ (G_H ⊙ (H ⊙ (1 - H)))[i,:]" },
        { Mlp, MlpShapes, "W2", "Hᵀ·G_Z" },
        { Mlp, MlpShapes, "b2", "Σᵢ G_Z[i,:]" },
        { Mlp, MlpShapes, "Z", "(1/B)·(softmax(Z) - T)" },
        { Mlp, MlpShapes, "H", "G_Z·W2ᵀ" },
        { Mlp, MlpShapes, "W1", "Xᵀ·(G_H ⊙ 1[H > 0])" },
        { Mlp, MlpShapes, "b1", "Σᵢ (G_H ⊙ 1[H > 0])[i,:]" },
        { "Y = X W + b; L = mean((Y - T) .* (Y - T))", "X: B×N, W: N×M, b: 1×M, T: B×M",
            "Y", "(2/(B·M))·(Y - T)" },
        { "Y = X W; L = sum((Y - T) ⊙ (Y - T))", "X: B×N, W: N×M, T: B×M", "Y", "2·(Y - T)" },
        { "L = x' A x", "x: N×1, A: N×N", "x", "A·x + Aᵀ·x" },
        { "L = x' A x", "x: N×1, A: N×N", "A", "x·xᵀ" },
        { "L = ‖X W - T‖²_F", "X: B×N, W: N×M, T: B×M", "W", "2·(Xᵀ·(X·W - T))" },
        { "L = tr(A X B)", "A: P×M, X: M×N, B: N×P", "X", "Aᵀ·Bᵀ" },
    };

    private const string Mlp = "H = relu(X W1 + b1); Z = H W2 + b2; L = softmax_ce(Z, T)";

    private const string MlpShapes = "X: B×N, W1: N×K, b1: 1×K, W2: K×C, b2: 1×C, T: B×C";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derive_GivesTextbookGradient(string source, string shapes, string name, string expected)
    {
        var derivation = SymbolicDerivation.Derive(source, shapes);

        Assert.Equal(expected, derivation.FormulaOf(name));
    }

    [Theory]
    [InlineData("Y = X W + b", "X: B×N, W: N×M, b: 1×M")]
    [InlineData("H = sigmoid(X W + b)", "X: B×N, W: N×M, b: 1×M")]
    [InlineData(Mlp, MlpShapes)]
    [InlineData("Y = X W + b; L = mean((Y - T) .* (Y - T))", "X: B×N, W: N×M, b: 1×M, T: B×M")]
    [InlineData("Y = X W + b; L = sum((Y - T) .* (Y - T)) / B", "X: B×N, W: N×M, b: 1×M, T: B×M")]
    [InlineData("L = x' A x", "x: N×1, A: N×N")]
    [InlineData("L = ‖X W - T‖²", "X: B×N, W: N×M, T: B×M")]
    [InlineData("L = tr(A X B)", "A: P×M, X: M×N, B: N×P")]
    [InlineData("L = sum(exp(X) .* log(sigmoid(X W V)))", "X: B×N, W: N×M, V: M×N")]
    [InlineData("L = mean(tanh(X) W, axis=0) c'", "X: B×N, W: N×M, c: 1×M")]
    [InlineData("Y = 2 * X' S - (X' X) / B", "X: B×N, S: B×N")]
    [InlineData("L = sum(softmax(X W) .* T)", "X: B×N, W: N×M, T: B×M")]
    [InlineData("H = softmax(X W); Y = H .* H", "X: B×N, W: N×M")]
    public void Derive_MatchesCentralDifferences(string source, string shapes)
    {
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var numbers = SymbolicDerivation.Derive(source, shapes).CheckNumerically(seed);

            Assert.NotEmpty(numbers.Comparisons);
            Assert.All(numbers.Comparisons, comparison => Assert.True(comparison.Passed,
                $"seed {seed}: {comparison.Name} = {comparison.Formula}: max rel error " +
                $"{comparison.MaxRelativeError}"));
        }
    }

    [Fact]
    public void Derive_LatexNamesEveryRule()
    {
        string latex = SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: N×M, b: 1×M").ToLatex();

        Assert.StartsWith("$$\\begin{aligned}", latex);
        Assert.Contains(@"\mathrm{d}Y &= \mathrm{d}(X W + \mathbf{1}_{B} b)", latex);
        Assert.Contains(@"\text{product rule: d(AB) = dA·B + A·dB}", latex);
        Assert.Contains(@"(X^{\top} G_{Y}) : \mathrm{d}W", latex);
        Assert.Contains(@"\frac{\partial L}{\partial b} & \textstyle\sum_{i} {G_{Y}}_{i,:} & 1 \times M", latex);
        Assert.EndsWith("\\end{array}$$", latex);
    }

    [Fact]
    public void Derive_PlainTextShowsEachStep()
    {
        string text = SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: N×M, b: 1×M").ToPlainText();

        Assert.Contains("= dX·W + X·dW + 1_B·db     [broadcast: d(1·b) = 1·db]", text);
        Assert.Contains("(G_Y·Wᵀ) : dX + (Xᵀ·G_Y) : dW + (Σᵢ G_Y[i,:]) : db", text);
        Assert.Contains("db = ∂L/∂b = Σᵢ G_Y[i,:]    [1×M]", text);
    }

    [Fact]
    public void Derive_CSharpUsesTensorApi()
    {
        string code = SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: N×M, b: 1×M").ToCSharp();

        Assert.Contains("var Y = X.MatMul(W).AddRow(b);", code);
        Assert.Contains("var dX = dY.MatMul(W.T);", code);
        Assert.Contains("var dW = X.T.MatMul(dY);", code);
        Assert.Contains("var db = dY.Sum(axis: 0);", code);
    }

    [Fact]
    public void Derive_HtmlReadsWithoutMathRenderer()
    {
        var report = SymbolicDerivation.DeriveAndCheck("Y = X W + b", "X: B×N, W: N×M, b: 1×M");

        string html = report.ToHtml();

        Assert.Contains("Σᵢ G_Y[i,:]", html);
        Assert.Contains("title=\"\\textstyle\\sum_{i} {G_{Y}}_{i,:}\"", html);
        Assert.Contains(">pass</span>", html);
        Assert.DoesNotContain(">FAIL</span>", html);
        Assert.Contains("<details><summary>LaTeX</summary><pre>$$", html);
    }

    [Fact]
    public void Derive_WrtLimitsGradients()
    {
        var derivation = SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: N×M, b: 1×M", "W");

        Assert.Equal(["W"], derivation.WithRespectTo);
        Assert.Equal("Xᵀ·G_Y", derivation.FormulaOf("W"));
        Assert.Throws<ArgumentException>(() => derivation.FormulaOf("X"));
    }

    [Fact]
    public void Derive_WrtRejectsUnknownInput()
    {
        var error = Assert.Throws<SymbolicException>(() =>
            SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: N×M, b: 1×M", "W, Q"));

        Assert.Equal("--wrt names Q, which is not an input of the expression; inputs: X, W, b.\n" +
            "  W, Q\n     ^", error.FormatWithCaret().Replace("\r", ""));
    }

    [Fact]
    public void Derive_NumericShapesWork()
    {
        var numbers = SymbolicDerivation.Derive("Y = X W + b", "X: 4x3, W: 3x2, b: 1x2").CheckNumerically();

        Assert.Empty(numbers.Sizes);
        Assert.True(numbers.Passed);
        Assert.Equal(3, numbers.Comparisons.Count);
    }

    [Fact]
    public void Derive_UnusedIntermediateIsReported()
    {
        var derivation = SymbolicDerivation.Derive("H = X W; Y = X W + b", "X: B×N, W: N×M, b: 1×M");

        Assert.Contains("H does not affect L", derivation.ToPlainText().Replace("\r", ""));
        Assert.Equal("Xᵀ·G_Y", derivation.FormulaOf("W"));
    }
}
