using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class ShapingTests
{
    private static readonly Tensor Matrix =
        Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });

    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        var transpose = Matrix.T;

        Assert.Equal(new Shape(3, 2), transpose.Shape);
        Assert.Equal([1.0, 4, 2, 5, 3, 6], transpose.ToFlatArray());
        Assert.Equal(Shape.Vector(3), Tensor.Vector(1, 2, 3).Transpose().Shape);
    }

    [Fact]
    public void ReshapeKeepsRowMajorOrder()
    {
        var reshaped = Matrix.Reshape(3, 2);

        Assert.Equal([1.0, 2, 3, 4, 5, 6], reshaped.ToFlatArray());
        Assert.Equal(Shape.Vector(6), Matrix.Flatten().Shape);
        Assert.Equal(Shape.Scalar, Tensor.Row(7).Reshape(Shape.Scalar).Shape);
    }

    [Fact]
    public void ReshapeToOtherCountIsRejected()
    {
        var error = Assert.Throws<TensorShapeException>(() => Matrix.Reshape(4, 2));

        Assert.Equal("Reshape: cannot reshape [2,3] (6 elements) into [4,2] (8 elements); the " +
            "element counts must be equal.", error.Message);
    }

    [Fact]
    public void SliceRowsCopiesRange()
    {
        var slice = Matrix.SliceRows(1, 1);

        Assert.Equal(new Shape(1, 3), slice.Shape);
        Assert.Equal([4.0, 5, 6], slice.ToFlatArray());
    }

    [Fact]
    public void SliceOutsideRowsIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix.SliceRows(1, 2));

        Assert.StartsWith("SliceRows: rows 1 to 2 are outside a tensor of shape [2,3]; valid rows " +
            "are 0 to 1.", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Matrix.SliceRows(0, 0));
    }

    [Fact]
    public void GatherRowsFollowsIndexOrder()
    {
        var gathered = Matrix.GatherRows([1, 0, 1]);

        Assert.Equal([4.0, 5, 6, 1, 2, 3, 4, 5, 6], gathered.ToFlatArray());
    }

    [Fact]
    public void GatherOfMissingRowIsRejected()
    {
        var outside = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix.GatherRows([0, 2]));
        var empty = Assert.Throws<ArgumentException>(() => Matrix.GatherRows([]));
        var vector = Assert.Throws<TensorShapeException>(() => Tensor.Vector(1).GatherRows([0]));

        Assert.StartsWith("GatherRows: index 2 at position 1 is outside a tensor of shape [2,3]; " +
            "valid rows are 0 to 1.", outside.Message);
        Assert.StartsWith("GatherRows: no row indices were given; a tensor needs at least one row.",
            empty.Message);
        Assert.StartsWith("GatherRows: the tensor has shape [1] of rank 1", vector.Message);
    }
}
