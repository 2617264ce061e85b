using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public sealed class ShapeErrorMessageTests
{
    [Fact]
    public void NaiveWeightGradientNamesBothShapes()
    {
        var dY = Tensor.Zeros(4, 2);
        var x = Tensor.Zeros(4, 3);

        var error = Assert.Throws<TensorShapeException>(() => dY.MatMul(x));

        Assert.Equal("MatMul", error.Operation);
        Assert.Equal(new Shape(4, 2), error.Left);
        Assert.Equal(new Shape(4, 3), error.Right);
        Assert.Contains("[4,2]", error.Message);
        Assert.Contains("[4,3]", error.Message);
        Assert.Contains("the left operand has 2 columns, the right operand has 4 rows",
            error.Message);
    }

    [Fact]
    public void SingleRowAndColumnReadInSingular()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Zeros(3, 1).MatMul(Tensor.Zeros(2, 3)));
        var vector = Assert.Throws<TensorShapeException>(
            () => Tensor.Zeros(2, 3).MatMul(Tensor.Vector(1.0)));

        Assert.Contains("the left operand has 1 column, the right operand has 2 rows",
            error.Message);
        Assert.Contains("the vector [1] is read as a column [1,1], and its 1 row must equal the " +
            "3 columns of [2,3]", vector.Message);
    }

    [Fact]
    public void VectorAxisErrorNamesItsOnlyAxis()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Tensor.Vector(1.0, 2.0).Sum(axis: 1));

        Assert.Contains("a vector has only axis 0, which -1 also names.", error.Message);
    }

    [Fact]
    public void ElementwiseMismatchNamesDisagreeingDimension()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Zeros(4, 2).Add(Tensor.Zeros(4, 3)));

        Assert.Equal(
            "Add: shapes [4,2] and [4,3] cannot be broadcast together: columns 2 and 3 " +
            "differ. Aligned from the right, each dimension must be equal, or 1 in one operand.",
            error.Message);
    }

    [Fact]
    public void BiasRowOfWrongWidthIsRejected()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Zeros(4, 3).AddRow(Tensor.Row(1, 2)));

        Assert.Contains("[1,2]", error.Message);
        Assert.Contains("[1,3]", error.Message);
    }

    [Fact]
    public void OutOfRangeIndexNamesValidRange()
    {
        var tensor = Tensor.Zeros(2, 3);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => tensor[2, 0]);

        Assert.Contains("row 2 is outside a tensor of shape [2,3]", error.Message);
        Assert.Contains("valid rows are 0 to 1", error.Message);
    }
}
