using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class ReductionTests
{
    private static readonly Tensor Matrix =
        Tensor.FromArray(new double[,] { { 1, 5, 3 }, { 4, 2, 6 } });

    [Fact]
    public void WholeTensorReductions()
    {
        Assert.Equal(21.0, Matrix.Sum());
        Assert.Equal(3.5, Matrix.Mean());
        Assert.Equal(6.0, Matrix.Max());
        Assert.Equal(5, Matrix.ArgMax());
    }

    [Fact]
    public void AxisReductionsKeepDimensionByDefault()
    {
        Assert.Equal(new Shape(1, 3), Matrix.Sum(axis: 0).Shape);
        Assert.Equal([5.0, 7, 9], Matrix.Sum(axis: 0).ToFlatArray());
        Assert.Equal(new Shape(2, 1), Matrix.Mean(axis: 1).Shape);
        Assert.Equal([3.0, 4], Matrix.Mean(axis: 1).ToFlatArray());
        Assert.Equal([4.0, 5, 6], Matrix.Max(axis: 0).ToFlatArray());
    }

    [Fact]
    public void AxisReductionsDropDimensionOnRequest()
    {
        Assert.Equal(Shape.Vector(3), Matrix.Sum(axis: 0, keepDimensions: false).Shape);
        Assert.Equal(Shape.Vector(2), Matrix.Max(axis: -1, keepDimensions: false).Shape);
        Assert.Equal(Shape.Scalar, Tensor.Vector(1, 2).Sum(axis: 0, keepDimensions: false).Shape);
        Assert.Equal(Shape.Vector(1), Tensor.Vector(1, 2).Sum(axis: 0).Shape);
    }

    [Fact]
    public void ArgMaxPerRowGivesPredictedClasses()
    {
        Assert.Equal([1, 2], Matrix.ArgMax(axis: 1));
        Assert.Equal([1, 0, 1], Matrix.ArgMax(axis: 0));
        Assert.Equal([0], Tensor.Vector(3, 3, 1).ArgMax(axis: 0));
    }

    [Fact]
    public void NaNWinsMaxAndArgMax()
    {
        var values = Tensor.Vector(1, double.NaN, 5, double.NaN);

        Assert.True(double.IsNaN(values.Max()));
        Assert.Equal(1, values.ArgMax());
        Assert.True(double.IsNaN(values.Sum()));
    }

    [Fact]
    public void AxisOutsideRankIsRejected()
    {
        var matrix = Assert.Throws<ArgumentOutOfRangeException>(() => Matrix.Sum(axis: 2));
        var scalar = Assert.Throws<ArgumentOutOfRangeException>(() => Tensor.Scalar(1).Mean(axis: 0));

        Assert.StartsWith("Sum: axis 2 does not exist in shape [2,3] of rank 2; use 0 to 1, or -1 " +
            "for the last axis.", matrix.Message);
        Assert.StartsWith("Mean: axis 0 does not exist in shape [] of rank 0; a scalar has no " +
            "axis, so reduce it without one.", scalar.Message);
    }

    [Fact]
    public void SoftmaxRowsSumToOne()
    {
        var softmax = Tensor.FromArray(new double[,] { { 1000, 1001 }, { -5, -5 } }).Softmax();

        Assert.Equal(1.0, softmax[0, 0] + softmax[0, 1], 15);
        Assert.Equal([0.5, 0.5], softmax.SliceRows(1, 1).ToFlatArray());
        Assert.Equal(1.0 / (1.0 + Math.E), softmax[0, 0], 15);
    }

    [Fact]
    public void LogSoftmaxStaysFiniteWhereSoftmaxUnderflows()
    {
        var logSoftmax = Tensor.Vector(0, 1000).LogSoftmax();

        Assert.Equal(-1000.0, logSoftmax[0]);
        Assert.Equal(0.0, logSoftmax[1]);
        Assert.Equal(0.0, Tensor.Vector(0, 1000).Softmax()[0]);
    }

    [Fact]
    public void SoftmaxOfScalarIsOne()
    {
        Assert.Equal(1.0, Tensor.Scalar(7).Softmax().ToDouble());
        Assert.Equal(0.0, Tensor.Scalar(7).LogSoftmax().ToDouble());
    }

    [Fact]
    public void SoftmaxWithNaNGivesNaNLine()
    {
        var softmax = Tensor.FromArray(new double[,] { { double.NaN, 1 }, { 0, 0 } }).Softmax();

        Assert.True(double.IsNaN(softmax[0, 1]));
        Assert.Equal(0.5, softmax[1, 1]);
    }
}
