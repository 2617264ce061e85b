using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Checking;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Autodiff;

public class OperationGradientTests
{
    // 1x1, a row, a column, and sizes that cover a four-wide vector loop and its tail.
    public static TheoryData<int, int> Shapes => new()
    {
        { 1, 1 }, { 1, 7 }, { 7, 1 }, { 3, 5 }, { 5, 17 }, { 4, 8 },
    };

    // Pairs that broadcast: the second operand is the same matrix shape, a row, a column, a
    // vector or a scalar.
    public static TheoryData<string, string> BroadcastPairs => new()
    {
        { "3,5", "3,5" }, { "3,5", "1,5" }, { "3,5", "3,1" }, { "3,5", "5" }, { "3,5", "" },
        { "1,5", "3,1" }, { "5", "5" }, { "5", "" }, { "", "" }, { "1,1", "4,9" }, { "7", "1,7" },
    };

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1, 7, 1)]
    [InlineData(7, 1, 7)]
    [InlineData(3, 5, 4)]
    [InlineData(5, 17, 9)]
    [InlineData(9, 13, 11)]
    [InlineData(16, 8, 33)]
    public void MatMulGradientsMatchDifferences(int rows, int inner, int columns)
    {
        GradientAssert.Graph(v => v[0].MatMul(v[1]),
            Tensor.RandomUniform(rows, inner, seed: 1), Tensor.RandomUniform(inner, columns, seed: 2));
    }

    // Each rank-1 form of numpy's matmul, with vectors of one element and lengths that cover
    // a four-wide vector loop and its tail.
    [Theory]
    [InlineData("5", "5,3")]
    [InlineData("4,5", "5")]
    [InlineData("5", "5")]
    [InlineData("1", "1,3")]
    [InlineData("3,1", "1")]
    [InlineData("1", "1")]
    [InlineData("17", "17,9")]
    [InlineData("9,17", "17")]
    public void MatMulVectorGradientsMatchDifferences(string left, string right) =>
        GradientAssert.Graph(v => v[0].MatMul(v[1]), Random(left, 1), Random(right, 2));

    [Fact]
    public void LeftVectorGradientsKeepVectorShape()
    {
        var a = new Variable(Tensor.Vector(1, 2), requiresGrad: true);
        var b = new Variable(
            Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }), requiresGrad: true);

        a.MatMul(b).Sum().Backward();

        // L = Σₙ Σₖ aₖBₖₙ, so ∂L/∂aₖ is the sum of row k of B and ∂L/∂Bₖₙ = aₖ.
        Assert.Equal(Shape.Vector(2), a.Grad.Shape);
        Assert.Equal([6.0, 15.0], a.Grad.ToFlatArray());
        Assert.Equal(new double[,] { { 1, 1, 1 }, { 2, 2, 2 } }, b.Grad.ToArray());
    }

    [Fact]
    public void RightVectorGradientsKeepVectorShape()
    {
        var a = new Variable(
            Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }), requiresGrad: true);
        var b = new Variable(Tensor.Vector(1, -1), requiresGrad: true);

        a.MatMul(b).Sum().Backward();

        // L = Σₘ Σₖ Aₘₖbₖ, so ∂L/∂Aₘₖ = bₖ and ∂L/∂bₖ is the sum of column k of A.
        Assert.Equal(new double[,] { { 1, -1 }, { 1, -1 }, { 1, -1 } }, a.Grad.ToArray());
        Assert.Equal(Shape.Vector(2), b.Grad.Shape);
        Assert.Equal([9.0, 12.0], b.Grad.ToFlatArray());
    }

    [Fact]
    public void DotProductGradientsAreOtherVector()
    {
        var a = new Variable(Tensor.Vector(1, 2, 3), requiresGrad: true);
        var b = new Variable(Tensor.Vector(4, 5, 6), requiresGrad: true);

        var dot = a.MatMul(b);
        dot.Scale(2).Backward();

        Assert.Equal(Shape.Scalar, dot.Shape);
        Assert.Equal(32, dot.Value.ToDouble());
        Assert.Equal(Shape.Vector(3), a.Grad.Shape);
        Assert.Equal([8.0, 10.0, 12.0], a.Grad.ToFlatArray());
        Assert.Equal(Shape.Vector(3), b.Grad.Shape);
        Assert.Equal([2.0, 4.0, 6.0], b.Grad.ToFlatArray());
    }

    [Fact]
    public void VectorMatMulPassesGradientCheck()
    {
        var vector = Tensor.RandomUniform(Shape.Vector(6), seed: 21);
        var weight = Tensor.RandomUniform(6, 4, seed: 22);
        var upstream = Tensor.RandomUniform(Shape.Vector(4), seed: 23);
        var v = new Variable(vector.Clone(), requiresGrad: true);
        var w = new Variable(weight.Clone(), requiresGrad: true);
        v.MatMul(w).Multiply(new Variable(upstream)).Sum().Backward();
        GradientClaim[] claims = [new("v", vector, v.Grad), new("W", weight, w.Grad)];

        var report = GradientCheck.CheckFunction(
            inputs => inputs[0].MatMul(inputs[1]).Multiply(upstream).Sum(), claims);

        Assert.True(report["dv"].Passed, report.ToString());
        Assert.True(report["dW"].Passed, report.ToString());
        Assert.Equal(Shape.Vector(6), report["dv"].Numeric!.Shape);
    }

    [Fact]
    public void MatMulRejectsScalarVariable()
    {
        var scalar = new Variable(Tensor.Scalar(2), requiresGrad: true);
        var matrix = new Variable(Tensor.Zeros(2, 3), requiresGrad: true);

        var error = Assert.Throws<TensorShapeException>(() => scalar.MatMul(matrix));

        Assert.StartsWith("MatMul: cannot multiply [] by [2,3]: the left operand is a scalar",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(BroadcastPairs))]
    public void AddGradientsMatchDifferences(string left, string right) =>
        GradientAssert.Graph(v => v[0] + v[1], Random(left, 1), Random(right, 2));

    [Theory]
    [MemberData(nameof(BroadcastPairs))]
    public void SubtractGradientsMatchDifferences(string left, string right) =>
        GradientAssert.Graph(v => v[0] - v[1], Random(left, 1), Random(right, 2));

    [Theory]
    [MemberData(nameof(BroadcastPairs))]
    public void MultiplyGradientsMatchDifferences(string left, string right) =>
        GradientAssert.Graph(v => v[0] * v[1], Random(left, 1), Random(right, 2));

    [Theory]
    [MemberData(nameof(BroadcastPairs))]
    public void DivideGradientsMatchDifferences(string left, string right) =>
        GradientAssert.Graph(v => v[0] / v[1], Random(left, 1), AwayFromZero(Random(right, 2)));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ScalarArithmeticGradientsMatchDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => (1.0 - (2.0 + v[0] * 3.0) - 1.5) / 4.0,
            Tensor.RandomUniform(rows, columns, seed: 3));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SquareGradientMatchesDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => v[0].Square(), Tensor.RandomUniform(rows, columns, seed: 4));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ExpGradientMatchesDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => v[0].Exp(), Tensor.RandomUniform(rows, columns, seed: 5));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LogGradientMatchesDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => v[0].Log(),
            Tensor.RandomUniform(rows, columns, seed: 6, low: 0.5, high: 3.0));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void TanhGradientMatchesDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => v[0].Tanh(),
            Tensor.RandomUniform(rows, columns, seed: 7, low: -3, high: 3));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SigmoidGradientMatchesDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => v[0].Sigmoid(),
            Tensor.RandomUniform(rows, columns, seed: 8, low: -4, high: 4));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ReluGradientMatchesDifferences(int rows, int columns) =>
        GradientAssert.Graph(v => v[0].Relu(),
            AwayFromZero(Tensor.RandomUniform(rows, columns, seed: 9)));

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SumAndMeanGradientsMatchDifferences(int rows, int columns)
    {
        var x = Tensor.RandomUniform(rows, columns, seed: 10);
        GradientAssert.Graph(v => v[0].Sum(), x);
        GradientAssert.Graph(v => v[0].Mean(), x);
        GradientAssert.Graph(v => v[0].Sum(axis: 0), x);
        GradientAssert.Graph(v => v[0].Sum(axis: 1, keepDimensions: false), x);
        GradientAssert.Graph(v => v[0].Mean(axis: 0, keepDimensions: false), x);
        GradientAssert.Graph(v => v[0].Mean(axis: -1), x);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void SoftmaxGradientsMatchDifferences(int rows, int columns)
    {
        var x = Tensor.RandomUniform(rows, columns, seed: 11, low: -3, high: 3);
        GradientAssert.Graph(v => v[0].Softmax(axis: 1), x);
        GradientAssert.Graph(v => v[0].Softmax(axis: 0), x);
        GradientAssert.Graph(v => v[0].LogSoftmax(axis: 1), x);
        GradientAssert.Graph(v => v[0].LogSoftmax(axis: 0), x);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("1")]
    [InlineData("")]
    public void SoftmaxOfVectorsHasDifferenceGradients(string shape)
    {
        var x = Random(shape, 12);
        GradientAssert.Graph(v => v[0].Softmax(), x);
        GradientAssert.Graph(v => v[0].LogSoftmax(), x);
        GradientAssert.Graph(v => v[0].Sum(), x);
        GradientAssert.Graph(v => v[0].Exp().Mean(), x);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ShapingGradientsMatchDifferences(int rows, int columns)
    {
        var x = Tensor.RandomUniform(rows, columns, seed: 13);
        GradientAssert.Graph(v => v[0].Transpose(), x);
        GradientAssert.Graph(v => v[0].Reshape(Shape.Vector(rows * columns)), x);
        GradientAssert.Graph(v => v[0].SliceRows(rows - 1, 1), x);
        GradientAssert.Graph(v => v[0].GatherRows([rows - 1, 0, rows - 1]), x);
    }

    [Fact]
    public void TwoLayerGraphGradientsMatchDifferences()
    {
        var x = Tensor.RandomUniform(5, 4, seed: 14);
        var target = Tensor.RandomUniform(5, 3, seed: 15);
        GradientAssert.Graph(
            v => (v[0].MatMul(v[1]).Add(v[2]).Tanh().MatMul(v[3]) - new Variable(target))
                .Square().Mean(),
            x, Tensor.RandomUniform(4, 6, seed: 16), Tensor.RandomUniform(1, 6, seed: 17),
            Tensor.RandomUniform(6, 3, seed: 18));
    }

    /// <summary>Parses "R,C", "N" or "" (a scalar) into a seeded random tensor.</summary>
    internal static Tensor Random(string shape, int seed)
    {
        var dimensions = shape.Length == 0 ? [] : shape.Split(',').Select(int.Parse).ToArray();
        return Tensor.RandomUniform(Shape.Of(dimensions), seed);
    }

    /// <summary>Moves each element at least 0.25 away from 0, where ReLU has a kink and a
    /// division blows up.</summary>
    internal static Tensor AwayFromZero(Tensor tensor) =>
        tensor.Map(x => x < 0 ? x - 0.25 : x + 0.25);
}
