using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class AccessTests
{
    [Fact]
    public void IndexersReadAndWriteElements()
    {
        var matrix = Tensor.Zeros(2, 3);
        var vector = Tensor.Vector(1, 2, 3);

        matrix[1, 2] = 5;
        vector[0] = -1;

        Assert.Equal(5, matrix[1, 2]);
        Assert.Equal(5, matrix.Span[5]);
        Assert.Equal(-1, vector[0]);
    }

    [Fact]
    public void RowOutsideShapeNamesValidRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Zeros(2, 3)[2, 0]);

        Assert.StartsWith("Tensor index: row 2 is outside a tensor of shape [2,3]; valid rows are " +
            "0 to 1.", error.Message);
    }

    [Fact]
    public void VectorIndexOutsideShapeNamesValidRange()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Vector(1, 2)[-1]);

        Assert.StartsWith("Tensor index: index -1 is outside a tensor of shape [2]; valid " +
            "indices are 0 to 1.", error.Message);
    }

    [Fact]
    public void IndexOfWrongRankIsRejected()
    {
        var matrixIndex = Assert.Throws<TensorShapeException>(() => Tensor.Vector(1, 2)[0, 0]);
        var vectorIndex = Assert.Throws<TensorShapeException>(() => Tensor.Zeros(1, 2)[0]);

        Assert.Equal("Tensor index [row, column]: the tensor has shape [2] of rank 1, but the " +
            "operation needs rank 2; use [i] for a vector and ToDouble() for a scalar.",
            matrixIndex.Message);
        Assert.Equal("Tensor index [i]: the tensor has shape [1,2] of rank 2, but the operation " +
            "needs rank 1; use [row, column] for a matrix and ToDouble() for a scalar.",
            vectorIndex.Message);
    }

    [Fact]
    public void ToDoubleNeedsOneElement()
    {
        var error = Assert.Throws<TensorShapeException>(() => Tensor.Vector(1, 2).ToDouble());

        Assert.Equal(3.0, Tensor.Row(3.0).ToDouble());
        Assert.Equal("ToDouble: the tensor has shape [2] and 2 elements, but only a tensor of " +
            "one element converts to a number; reduce it first, for example with Sum() or " +
            "Mean(), or read one element with an index.", error.Message);
    }

    [Fact]
    public void VectorPrintsWithItsShape()
    {
        Assert.EndsWith("shape [3]", Tensor.Vector(1, 2, 3).ToString());
        Assert.EndsWith("shape []", Tensor.Scalar(1).ToString());
    }
}
