using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class ComparisonTests
{
    [Fact]
    public void AllCloseUsesRelativeAndAbsoluteParts()
    {
        var tolerance = new Tolerance("test", Relative: 1e-3, Absolute: 1e-6);

        Assert.True(Tensor.Vector(1000.5, 0).AllClose(Tensor.Vector(1000, 5e-7), tolerance));
        Assert.False(Tensor.Vector(1002, 0).AllClose(Tensor.Vector(1000, 0), tolerance));
        Assert.False(Tensor.Vector(0, 2e-6).AllClose(Tensor.Vector(0, 0), tolerance));
    }

    [Fact]
    public void NaNIsCloseToNothing()
    {
        var nan = Tensor.Vector(double.NaN);

        Assert.False(nan.AllClose(nan, Tolerance.NumpyDefault));
        Assert.True(Tensor.Vector(double.PositiveInfinity)
            .AllClose(Tensor.Vector(double.PositiveInfinity), Tolerance.NumpyDefault));
        Assert.False(Tensor.Vector(double.PositiveInfinity)
            .AllClose(Tensor.Vector(double.NegativeInfinity), Tolerance.NumpyDefault));
    }

    [Fact]
    public void FirstDifferenceFindsElement()
    {
        int index = Tensor.Vector(1, 2, 3)
            .FirstDifference(Tensor.Vector(1, 2, 4), Tolerance.NumpyDefault);

        Assert.Equal(2, index);
    }

    [Fact]
    public void ComparisonOfOtherShapeIsRejected()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Vector(1, 2).AllClose(Tensor.Row(1, 2), Tolerance.NumpyDefault));

        Assert.Equal("AllClose: the tensor has shape [2] but the expected tensor has shape [1,2]; " +
            "compare tensors of one shape.", error.Message);
    }

    [Fact]
    public void ToleranceFormatsNameAndParts()
    {
        Assert.Equal("float64 reordering (rtol 1E-12, atol 1E-14)",
            Tolerance.Float64Reordering.ToString());
    }
}
