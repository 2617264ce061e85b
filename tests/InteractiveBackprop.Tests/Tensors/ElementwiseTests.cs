using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class ElementwiseTests
{
    private static readonly Tensor Matrix =
        Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void SameShapeOperatorsWorkElementwise()
    {
        Assert.Equal([2.0, 4, 6, 8, 10, 12], (Matrix + Matrix).ToFlatArray());
        Assert.Equal([0.0, 0, 0, 0, 0, 0], (Matrix - Matrix).ToFlatArray());
        Assert.Equal([1.0, 4, 9, 16, 25, 36], (Matrix * Matrix).ToFlatArray());
        Assert.Equal([1.0, 1, 1, 1, 1, 1], (Matrix / Matrix).ToFlatArray());
        Assert.Equal([-1.0, -2, -3, -4, -5, -6], (-Matrix).ToFlatArray());
    }

    [Fact]
    public void ScalarOperatorsApplyToEveryElement()
    {
        Assert.Equal([2.0, 3, 4, 5, 6, 7], (Matrix + 1).ToFlatArray());
        Assert.Equal([0.0, -1, -2, -3, -4, -5], (1 - Matrix).ToFlatArray());
        Assert.Equal([2.0, 4, 6, 8, 10, 12], (2 * Matrix).ToFlatArray());
        Assert.Equal([0.5, 1, 1.5, 2, 2.5, 3], (Matrix / 2).ToFlatArray());
        Assert.Equal([12.0, 6, 4, 3, 2.4, 2], (12 / Matrix).ToFlatArray());
    }

    [Fact]
    public void RowBroadcastsOverBatch()
    {
        var sum = Matrix + Tensor.Row(10, 20, 30);

        Assert.Equal(new Shape(2, 3), sum.Shape);
        Assert.Equal([11.0, 22, 33, 14, 25, 36], sum.ToFlatArray());
        Assert.Equal(sum.ToFlatArray(), Matrix.AddRow(Tensor.Row(10, 20, 30)).ToFlatArray());
    }

    [Fact]
    public void ColumnBroadcastsOverColumns()
    {
        var product = Matrix * Tensor.Column(10, 100);

        Assert.Equal([10.0, 20, 30, 400, 500, 600], product.ToFlatArray());
    }

    [Fact]
    public void VectorBroadcastsAsRow()
    {
        var difference = Matrix - Tensor.Vector(1, 1, 1);

        Assert.Equal(new Shape(2, 3), difference.Shape);
        Assert.Equal([0.0, 1, 2, 3, 4, 5], difference.ToFlatArray());
    }

    [Fact]
    public void RowAndColumnBroadcastToOuterShape()
    {
        var outer = Tensor.Row(1, 2, 3) * Tensor.Column(1, 10);

        Assert.Equal(new Shape(2, 3), outer.Shape);
        Assert.Equal([1.0, 2, 3, 10, 20, 30], outer.ToFlatArray());
    }

    [Fact]
    public void ResultTakesLargerRank()
    {
        Assert.Equal(Shape.Vector(3), (Tensor.Vector(1, 2, 3) + Tensor.Scalar(1)).Shape);
        Assert.Equal(Shape.Scalar, (Tensor.Scalar(1) + Tensor.Scalar(2)).Shape);
        Assert.Equal(new Shape(1, 3), (Tensor.Vector(1, 2, 3) + Tensor.Row(1, 1, 1)).Shape);
        Assert.Equal(new Shape(3, 3), (Tensor.Vector(1, 2, 3) + Tensor.Column(1, 1, 1)).Shape);
    }

    [Fact]
    public void IncompatibleShapesNameBothAndTheRule()
    {
        var error = Assert.Throws<TensorShapeException>(() => Matrix + Tensor.Zeros(3, 2));

        Assert.Equal("+: shapes [2,3] and [3,2] cannot be broadcast together: rows 2 and 3 " +
            "differ and columns 3 and 2 differ. Aligned from the right, each dimension must be " +
            "equal, or 1 in one operand.", error.Message);
        Assert.Equal(new Shape(2, 3), error.Left);
        Assert.Equal(new Shape(3, 2), error.Right);
    }

    [Fact]
    public void IncompatibleVectorsNameLastDimension()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Vector(1, 2) - Tensor.Vector(1, 2, 3));

        Assert.Equal("-: shapes [2] and [3] cannot be broadcast together: the last dimensions 2 " +
            "and 3 differ. Aligned from the right, each dimension must be equal, or 1 in one " +
            "operand.", error.Message);
    }

    [Fact]
    public void AddRowRejectsNonRow()
    {
        var error = Assert.Throws<TensorShapeException>(() => Matrix.AddRow(Tensor.Zeros(2, 3)));

        Assert.Equal("AddRow: cannot add a row of shape [2,3] to every row of [2,3]: a " +
            "broadcast row must have shape [1,3].", error.Message);
    }

    [Fact]
    public void NonFiniteValuesPropagate()
    {
        var values = Tensor.Vector(double.NaN, double.PositiveInfinity, 0.0, -0.0);

        var quotient = Tensor.Vector(1, 1, 1, 1) / Tensor.Vector(1, 1, 0, 0);

        Assert.True(double.IsNaN((values + 1).Span[0]));
        Assert.Equal(double.PositiveInfinity, (values * 2).Span[1]);
        Assert.Equal(double.PositiveInfinity, quotient.Span[2]);
        Assert.True(double.IsNaN(values.Relu().Span[0]));
        Assert.True(double.IsNaN(values.Sigmoid().Span[0]));
        Assert.Equal(1.0, values.Tanh().Span[1]);
        Assert.Equal(double.NegativeInfinity, values.Log().Span[2]);
        Assert.True(double.IsNaN(Tensor.Vector(-1).Log().Span[0]));
    }

    [Fact]
    public void SigmoidStaysFiniteForLargeInputs()
    {
        var sigmoid = Tensor.Vector(-1000, 0, 1000).Sigmoid();

        Assert.Equal([0.0, 0.5, 1.0], sigmoid.ToFlatArray());
    }

    [Fact]
    public void BroadcastShapeFollowsNumpy()
    {
        Assert.Equal(new Shape(4, 3), Tensor.BroadcastShape(new Shape(4, 1), Shape.Vector(3)));
        Assert.Throws<TensorShapeException>(
            () => Tensor.BroadcastShape(Shape.Vector(2), Shape.Vector(3)));
    }
}
