using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public sealed class TensorArithmeticTests
{
    [Fact]
    public void MatMulMatchesHandComputedProduct()
    {
        var a = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Tensor.FromArray(new double[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } });

        var product = a.MatMul(b);

        Assert.Equal(new Shape(2, 2), product.Shape);
        Assert.Equal(58, product[0, 0]);
        Assert.Equal(64, product[0, 1]);
        Assert.Equal(139, product[1, 0]);
        Assert.Equal(154, product[1, 1]);
    }

    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        var a = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

        var t = a.T;

        Assert.Equal(new Shape(3, 2), t.Shape);
        Assert.Equal(2, t[1, 0]);
        Assert.Equal(6, t[2, 1]);
    }

    [Fact]
    public void AddRowBroadcastsOverEveryRow()
    {
        var a = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });

        var sum = a.AddRow(Tensor.Row(10, 20));

        Assert.Equal(new[] { 11.0, 22, 13, 24, 15, 26 }, sum.Span.ToArray());
    }

    [Fact]
    public void SumOverAxisZeroGivesColumnSums()
    {
        var a = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });

        var columns = a.Sum(axis: 0);
        var rows = a.Sum(axis: 1);

        Assert.Equal(new Shape(1, 2), columns.Shape);
        Assert.Equal(new[] { 9.0, 12 }, columns.Span.ToArray());
        Assert.Equal(new Shape(3, 1), rows.Shape);
        Assert.Equal(new[] { 3.0, 7, 11 }, rows.Span.ToArray());
        Assert.Equal(21, a.Sum());
    }

    [Fact]
    public void SumRejectsAxisTwo()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 2).Sum(2));

        Assert.Contains("use 0 to 1, or -1 for the last axis", error.Message);
    }

    [Fact]
    public void RandomUniformIsRepeatableForSeed()
    {
        var first = Tensor.RandomUniform(3, 4, seed: 42);
        var second = Tensor.RandomUniform(3, 4, seed: 42);
        var other = Tensor.RandomUniform(3, 4, seed: 43);

        Assert.Equal(first.Span.ToArray(), second.Span.ToArray());
        Assert.NotEqual(first.Span.ToArray(), other.Span.ToArray());
        Assert.All(first.Span.ToArray(), value => Assert.InRange(value, -1.0, 1.0));
    }

    [Fact]
    public void NaNPropagatesThroughMatMul()
    {
        var a = Tensor.FromArray(new double[,] { { double.NaN, 1 } });
        var b = Tensor.FromArray(new double[,] { { 1 }, { 1 } });

        Assert.True(double.IsNaN(a.MatMul(b)[0, 0]));
    }
}
