using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class ShapeTests
{
    [Fact]
    public void ShapesFormatAsNumpyPrintsThem()
    {
        Assert.Equal("[4,2]", new Shape(4, 2).ToString());
        Assert.Equal("[5]", Shape.Vector(5).ToString());
        Assert.Equal("[]", Shape.Scalar.ToString());
    }

    [Fact]
    public void MatrixViewDescribesEveryRank()
    {
        var matrix = new Shape(4, 2);
        var vector = Shape.Vector(5);

        Assert.Equal((4, 2, 8), (matrix.Rows, matrix.Columns, matrix.Length));
        Assert.Equal((1, 5, 5), (vector.Rows, vector.Columns, vector.Length));
        Assert.Equal((1, 1, 1), (Shape.Scalar.Rows, Shape.Scalar.Columns, Shape.Scalar.Length));
    }

    [Theory]
    [InlineData(65536, 65536, "4294967296")]
    [InlineData(46341, 46341, "2147488281")]
    public void ShapeTooLargeForOneArrayIsRejected(int rows, int columns, string length)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Shape(rows, columns));

        Assert.StartsWith($"Shape: [{rows},{columns}] has {length} elements, more than the " +
            $"{Array.MaxLength} that one .NET array can hold; use smaller dimensions.",
            error.Message);
    }

    [Fact]
    public void TooLargeProductNamesItsShape()
    {
        var column = Tensor.Zeros(65536, 1);
        var row = Tensor.Zeros(1, 65536);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => column.MatMul(row));

        Assert.StartsWith("Shape: [65536,65536] has 4294967296 elements", error.Message);
    }

    [Fact]
    public void EqualityComparesRankAndDimensions()
    {
        Assert.Equal(new Shape(1, 5), Shape.Of(1, 5));
        Assert.NotEqual(new Shape(1, 5), Shape.Vector(5));
        Assert.NotEqual(Shape.Vector(1), Shape.Scalar);
        Assert.True(default(Shape) == Shape.Scalar);
    }

    [Fact]
    public void ZeroDimensionIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Shape(0, 3));

        Assert.StartsWith("Shape: the rows dimension is 0, but every dimension must be at least 1.",
            error.Message);
    }

    [Fact]
    public void RankThreeIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Shape.Of(2, 3, 4));

        Assert.StartsWith("Shape: 3 dimensions were given, but a tensor has rank 0, 1 or 2; " +
            "reshape the data into a matrix first.", error.Message);
    }

    [Fact]
    public void IndexerReturnsDimensions()
    {
        var shape = new Shape(4, 2);

        Assert.Equal(4, shape[0]);
        Assert.Equal(2, shape[1]);
        Assert.Equal([4, 2], shape.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Shape.Vector(3)[1]);
    }
}
