using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class CreationTests
{
    [Fact]
    public void FactoriesFillExpectedValues()
    {
        Assert.Equal([0.0, 0.0], Tensor.Zeros(Shape.Vector(2)).ToFlatArray());
        Assert.Equal([1.0, 1.0, 1.0], Tensor.Ones(1, 3).ToFlatArray());
        Assert.Equal([1.0, 0.0, 0.0, 1.0], Tensor.Identity(2).ToFlatArray());
        Assert.Equal(2.5, Tensor.Scalar(2.5).ToDouble());
        Assert.Equal(new Shape(3, 1), Tensor.Column(1, 2, 3).Shape);
        Assert.True(double.IsNaN(Tensor.Full(Shape.Scalar, double.NaN).ToDouble()));
    }

    [Fact]
    public void FromArrayCopiesRowByRow()
    {
        var values = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };

        var tensor = Tensor.FromArray(values);
        values[0, 0] = 99;

        Assert.Equal(new Shape(2, 3), tensor.Shape);
        Assert.Equal([1.0, 2, 3, 4, 5, 6], tensor.ToFlatArray());
        Assert.Equal(Shape.Vector(2), Tensor.FromArray([1.0, 2.0]).Shape);
    }

    [Fact]
    public void EmptyArrayIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.FromArray(new double[0, 3]));

        Assert.StartsWith("FromArray: the array has shape [0,3]; a tensor needs at least one row " +
            "and one column.", error.Message);
        Assert.Throws<ArgumentException>(() => Tensor.Vector());
    }

    [Fact]
    public void FromRowMajorRejectsWrongCount()
    {
        var error = Assert.Throws<ArgumentException>(
            () => Tensor.FromRowMajor(2, 2, [1.0, 2.0, 3.0]));

        Assert.StartsWith("FromRowMajor: 3 values cannot fill shape [2,2], which needs 4.",
            error.Message);
    }

    [Fact]
    public void SeededRandomTensorsRepeat()
    {
        var shape = new Shape(3, 4);

        Assert.Equal(Tensor.RandomUniform(shape, 7).ToFlatArray(),
            Tensor.RandomUniform(shape, 7).ToFlatArray());
        Assert.Equal(Tensor.RandomNormal(shape, 7).ToFlatArray(),
            Tensor.RandomNormal(shape, 7).ToFlatArray());
        Assert.NotEqual(Tensor.RandomNormal(shape, 7).ToFlatArray(),
            Tensor.RandomNormal(shape, 8).ToFlatArray());
    }

    [Fact]
    public void RandomUniformStaysInInterval()
    {
        var tensor = Tensor.RandomUniform(new Shape(50, 40), seed: 1, low: 2, high: 3);

        Assert.True(tensor.Span.ToArray().All(x => x >= 2 && x < 3));
    }

    [Fact]
    public void RandomNormalHasRequestedMoments()
    {
        var tensor = Tensor.RandomNormal(new Shape(200, 100), seed: 1, mean: 3, standardDeviation: 2);
        double mean = tensor.Mean();
        double deviation = Math.Sqrt(tensor.Subtract(Tensor.Scalar(mean)).Square().Mean());

        // 20,000 draws: the standard error of the mean is 2/√20000 ≈ 0.014.
        Assert.InRange(mean, 2.95, 3.05);
        Assert.InRange(deviation, 1.95, 2.05);
    }

    [Fact]
    public void XavierAndHeUseTheirScales()
    {
        var xavier = Tensor.Xavier(30, 20, seed: 1);
        var he = Tensor.He(400, 50, seed: 1);
        double bound = Math.Sqrt(6.0 / 50);

        Assert.Equal(new Shape(30, 20), xavier.Shape);
        Assert.True(xavier.Span.ToArray().All(x => Math.Abs(x) <= bound));
        double heScale = Math.Sqrt(2.0 / 400);
        Assert.InRange(Math.Sqrt(he.Square().Mean()), 0.95 * heScale, 1.05 * heScale);
    }

    [Fact]
    public void EmptyUniformIntervalIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => Tensor.RandomUniform(2, 2, seed: 1, low: 1, high: 1));

        Assert.StartsWith("RandomUniform: the interval [1, 1) is invalid; both bounds must be " +
            "finite and high must exceed low.", error.Message);
    }
}
