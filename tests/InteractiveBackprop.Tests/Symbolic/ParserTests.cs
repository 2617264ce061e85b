using InteractiveBackprop.Symbolic;

namespace InteractiveBackprop.Tests.Symbolic;

public class ParserTests
{
    private const string Shapes = "X: B×N, W: N×M, b: 1×M, S: B×M";

    [Theory]
    [InlineData("Y = X W + b")]
    [InlineData("Y = X*W + b")]
    [InlineData("Y = X·W + b")]
    [InlineData("Y = (X)(W) + b")]
    public void ProductForms_AreEquivalent(string source)
    {
        Assert.Equal("Xᵀ·G_Y", SymbolicDerivation.Derive(source, Shapes).FormulaOf("W"));
    }

    [Theory]
    [InlineData("Y = (W' X')' + b")]
    [InlineData("Y = (W^T X^T)^T + b")]
    [InlineData("Y = (Wᵀ Xᵀ)ᵀ + b")]
    public void TransposeForms_AreEquivalent(string source)
    {
        Assert.Equal("Xᵀ·G_Y", SymbolicDerivation.Derive(source, Shapes).FormulaOf("W"));
    }

    [Theory]
    [InlineData("Y = (X W) .* S")]
    [InlineData("Y = (X W) ⊙ S")]
    public void HadamardForms_AreEquivalent(string source)
    {
        Assert.Equal("Xᵀ·(G_Y ⊙ S)", SymbolicDerivation.Derive(source, Shapes).FormulaOf("W"));
    }

    [Theory]
    [InlineData("X: BxN, W: NxM, b: 1xM")]
    [InlineData("X: B x N; W: N*M\nb: 1×M")]
    public void ShapeDeclarations_AcceptAsciiForms(string shapes)
    {
        Assert.Equal("Σᵢ G_Y[i,:]", SymbolicDerivation.Derive("Y = X W + b", shapes).FormulaOf("b"));
    }

    [Theory]
    [InlineData("Y = X W +", "Expected a name, a number or '(', but found the end of the input.\n" +
        "  Y = X W +\n           ^")]
    [InlineData("Y = X W + * b", "Expected a name, a number or '(', but found '*'.\n" +
        "  Y = X W + * b\n            ^")]
    [InlineData("Y = (X W + b", "Expected ')' to close the '(' opened here (at offset 4), but found " +
        "the end of the input.\n  Y = (X W + b\n              ^")]
    [InlineData("Y = X @ W", "Unexpected character '@'. Operators are + - * · / .* ⊙ ' ^T ᵀ and ‖·‖².\n" +
        "  Y = X @ W\n        ^")]
    [InlineData("Y = X Q", "Q is not declared. Declare its shape, for example --shapes \"Q: N×K\" " +
        "(declared names: X, W, b, S), or leave out --shapes to infer every shape.\n" +
        "  Y = X Q\n        ^")]
    [InlineData("Y = X W + S'", "X W + S': cannot add [B,M] and [M,B]: rows B and M differ and columns " +
        "M and B differ. Shapes must be equal, or one operand a [1,M] row that is broadcast over the " +
        "rows.\n  Y = X W + S'\n      ^^^^^^^^")]
    [InlineData("Y = X²", "A square is supported only on a norm, as ‖A‖² or ||A||^2; for an element-wise " +
        "square write A .* A.\n  Y = X²\n       ^")]
    [InlineData("Y = sum(X, 2)", "The axis of sum must be 0 (over the rows, giving [1,C]) or 1 (over " +
        "the columns, giving [R,1]).\n  Y = sum(X, 2)\n             ^")]
    [InlineData("X = W", "X cannot be assigned because it is declared as an input; choose another " +
        "name.\n  X = W\n  ^")]
    [InlineData("Y = X / W", "X / W: division is supported only by a number or a dimension, such as " +
        "X / 2 or X / B.\n  Y = X / W\n          ^")]
    public void InvalidSource_MarksPosition(string source, string expected)
    {
        var error = Assert.Throws<SymbolicException>(() => SymbolicDerivation.Derive(source, Shapes));

        Assert.Equal(expected, error.FormatWithCaret().Replace("\r", ""));
    }

    [Fact]
    public void ContradictingDimension_NamesBothShapes()
    {
        var error = Assert.Throws<SymbolicException>(() =>
            SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: K×M, b: 1×M"));

        Assert.StartsWith("X W: [B,N] times [K,M], inner dimensions N and K differ.", error.Message);
    }

    [Fact]
    public void InvalidShapeDeclaration_MarksEntry()
    {
        var error = Assert.Throws<SymbolicException>(() => SymbolicDerivation.Derive("Y = X", "X: B by N"));

        Assert.Equal("The shape declaration 'X: B by N' is invalid. Write name: rows×columns or " +
            "name: [rows,columns], for example X: B×N or b: [1,M].\n  X: B by N\n  ^^^^^^^^^",
            error.FormatWithCaret().Replace("\r", ""));
    }

    [Fact]
    public void BracketShapeDeclarations_MatchTimesForm()
    {
        var brackets = SymbolicDerivation.Derive("Y = X W + b", "X: [B,N], W: [N, M]; b: [1,M]");
        var times = SymbolicDerivation.Derive("Y = X W + b", "X: B×N, W: N×M, b: 1×M");

        Assert.Equal(times.Program.Declarations.Format(), brackets.Program.Declarations.Format());
        Assert.Equal("X: B×N, W: N×M, b: 1×M", brackets.Program.Declarations.Format());
    }

    [Fact]
    public void UnclosedBracketDeclaration_IsInvalid()
    {
        var error = Assert.Throws<SymbolicException>(
            () => SymbolicDerivation.Derive("Y = X", "X: [B,N"));

        Assert.StartsWith("The shape declarations have a '[' without its ']' or a ']' without " +
            "its '['. Write name: [rows,columns], for example X: [B,N].", error.Message);
    }

    [Fact]
    public void NegativeDimension_IsNamed()
    {
        var error = Assert.Throws<SymbolicException>(
            () => SymbolicDerivation.Derive("Y = X", "X: [-1,3]"));

        Assert.StartsWith("The dimension -1 is invalid; a size must be a whole number of at " +
            "least 1.", error.Message);
    }

    [Fact]
    public void EmptyStatements_AskForOne()
    {
        var error = Assert.Throws<SymbolicException>(() => SymbolicDerivation.Derive(" "));

        Assert.StartsWith("There are no statements to read; write at least one, for example " +
            "Y = X W + b.", error.Message);
    }

    [Fact]
    public void DeepNesting_HitsDepthLimit()
    {
        string source = "Y = " + new string('(', 10_000) + "X" + new string(')', 10_000);

        var error = Assert.Throws<SymbolicException>(() => SymbolicDerivation.Derive(source, Shapes));

        Assert.StartsWith($"The expression nests deeper than {Parser.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void LongChain_HitsOperatorLimit()
    {
        string source = "Y = X" + string.Concat(Enumerable.Repeat(" + X", 10_000));

        var error = Assert.Throws<SymbolicException>(() => SymbolicDerivation.Derive(source, Shapes));

        Assert.StartsWith($"The source has more than {Parser.MaxOperators} operators", error.Message);
    }

    [Fact]
    public void ChainWithinLimit_Derives()
    {
        string source = "Y = X W" + string.Concat(Enumerable.Repeat(" + X W", 100));

        var derivation = SymbolicDerivation.Derive(source, "X: B×N, W: N×M");

        Assert.Equal("101·(Xᵀ·G_Y)", derivation.FormulaOf("W"));
    }

    [Fact]
    public void NestingWithinLimit_Parses()
    {
        int depth = Parser.MaxDepth - 2;
        string source = "Y = " + new string('(', depth) + "X W" + new string(')', depth) + " + b";

        Assert.Equal("Xᵀ·G_Y", SymbolicDerivation.Derive(source, "X: B×N, W: N×M, b: 1×M").FormulaOf("W"));
    }

    [Fact]
    public void RandomInput_FailsOnlyWithMessage()
    {
        string alphabet = "XWbS ()'*+-·⊙.^T‖|²;=,0123sumrelu_xᵀ/\n";
        var random = new Random(20261204);
        for (int trial = 0; trial < 3000; trial++)
        {
            int length = random.Next(1, 40);
            var chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string source = new(chars);
            try
            {
                SymbolicDerivation.Derive(source, Shapes);
            }
            catch (SymbolicException error)
            {
                Assert.False(string.IsNullOrWhiteSpace(error.Message), source);
                Assert.Contains("^", error.FormatWithCaret());
            }
        }
    }
}
