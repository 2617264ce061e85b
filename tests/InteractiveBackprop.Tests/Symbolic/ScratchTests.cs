using InteractiveBackprop.Symbolic;
using Xunit.Abstractions;

namespace InteractiveBackprop.Tests.Symbolic;

public class ScratchTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Y = X W + b", "X: B×N, W: N×M, b: 1×M")]
    [InlineData("H = sigmoid(X W + b)", "X: BxN, W: NxM, b: 1xM")]
    [InlineData("H = relu(X W1 + b1); Z = H W2 + b2; L = softmax_ce(Z, T)", "X: B×N, W1: N×K, b1: 1×K, W2: K×C, b2: 1×C, T: B×C")]
    [InlineData("L = x' A x", "x: N×1, A: N×N")]
    [InlineData("L = ‖X W - T‖²", "X: B×N, W: N×M, T: B×M")]
    [InlineData("L = tr(A X B)", "A: P×M, X: M×N, B: N×P")]
    [InlineData("Y = X W + b; L = mean((Y - T) .* (Y - T))", "X: B×N, W: N×M, b: 1×M, T: B×M")]
    public void Print(string source, string shapes)
    {
        var report = SymbolicDerivation.DeriveAndCheck(source, shapes);
        output.WriteLine(report.ToPlainText());
        output.WriteLine(report.Derivation.ToCSharp());
        output.WriteLine(report.Derivation.ToLatex());
    }
}
