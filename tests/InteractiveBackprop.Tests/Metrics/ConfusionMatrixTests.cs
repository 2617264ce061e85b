using InteractiveBackprop.Metrics;

namespace InteractiveBackprop.Tests.Metrics;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void ComputeCountsActualByPredicted()
    {
        var matrix = ConfusionMatrix.Compute([0, 0, 1, 1, 2, 2, 2], [0, 1, 1, 1, 0, 2, 2], 3);

        Assert.Equal(new[,] { { 1, 1, 0 }, { 0, 2, 0 }, { 1, 0, 2 } }, matrix.ToArray());
        Assert.Equal(1, matrix[2, 0]);
        Assert.Equal(7, matrix.Total);
        Assert.Equal(5, matrix.Correct);
        Assert.Equal(5.0 / 7, matrix.Accuracy);
    }

    [Fact]
    public void EmptyInputHasNaNAccuracy()
    {
        var matrix = ConfusionMatrix.Compute([], [], 2);

        Assert.Equal(new int[2, 2], matrix.ToArray());
        Assert.True(double.IsNaN(matrix.Accuracy));
    }

    [Fact]
    public void LengthMismatchNamesBothCounts()
    {
        var error = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 1], [0], 2));

        Assert.Equal("predicted", error.ParamName);
        Assert.StartsWith("ConfusionMatrix.Compute: actual has 2 labels but predicted has 1; " +
            "pass one predicted class per example.", error.Message);
    }

    [Theory]
    [InlineData(-1, 0, "actual[0] is -1")]
    [InlineData(0, 3, "predicted[0] is 3")]
    public void ClassOutsideRangeIsRejected(int actual, int predicted, string expected)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ConfusionMatrix.Compute([actual], [predicted], 3));

        Assert.StartsWith($"ConfusionMatrix.Compute: {expected}, outside the classes 0 to 2.",
            error.Message);
    }

    [Fact]
    public void ZeroClassesIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfusionMatrix.Compute([], [], 0));
    }
}
