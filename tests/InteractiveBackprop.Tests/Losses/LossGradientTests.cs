using InteractiveBackprop.Data;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Losses;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Losses;

public class LossGradientTests
{
    public static TheoryData<int, int, LossReduction> Cases => new()
    {
        { 1, 1, LossReduction.Mean }, { 1, 7, LossReduction.Sum }, { 7, 1, LossReduction.Mean },
        { 5, 17, LossReduction.Mean }, { 5, 17, LossReduction.Sum },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void MeanSquaredErrorBackwardMatchesDifferences(
        int rows, int columns, LossReduction reduction)
    {
        var prediction = Tensor.RandomUniform(rows, columns, seed: 1);
        var target = Tensor.RandomUniform(rows, columns, seed: 2);

        CheckLoss(new MeanSquaredError(reduction), prediction, target);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CrossEntropyBackwardMatchesDifferences(
        int rows, int columns, LossReduction reduction)
    {
        var classes = Enumerable.Range(0, rows).Select(b => (b * 3) % columns).ToArray();
        var scores = Tensor.RandomUniform(rows, columns, seed: 3, low: -3, high: 3);

        CheckLoss(new SoftmaxCrossEntropy(reduction), scores, OneHot.Encode(classes, columns));
    }

    [Fact]
    public void CrossEntropyHandlesSoftTargets()
    {
        var target = Tensor.RandomUniform(4, 3, seed: 4, low: 0, high: 1);

        CheckLoss(new SoftmaxCrossEntropy(), Tensor.RandomUniform(4, 3, seed: 5), target);
    }

    [Fact]
    public void MeanFormDividesGradientByBatch()
    {
        var scores = Tensor.RandomUniform(8, 3, seed: 6);
        var target = OneHot.Encode([0, 1, 2, 0, 1, 2, 0, 1], 3);
        var mean = new SoftmaxCrossEntropy(LossReduction.Mean);
        var sum = new SoftmaxCrossEntropy(LossReduction.Sum);

        double meanLoss = mean.Forward(scores, target);
        double sumLoss = sum.Forward(scores, target);

        Assert.Equal(sumLoss / 8, meanLoss, 14);
        GradientAssert.Close(sum.Backward().Scale(1.0 / 8), mean.Backward(), "dZ");
    }

    [Fact]
    public void SquaredErrorMeanDividesByBatchNotElements()
    {
        var prediction = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var target = Tensor.Zeros(3, 2);
        var loss = new MeanSquaredError();

        double value = loss.Forward(prediction, target);

        Assert.Equal(91.0 / 3, value, 14);
        GradientAssert.Close(prediction.Scale(2.0 / 3), loss.Backward(), "dY");
    }

    private static void CheckLoss(ILoss loss, Tensor prediction, Tensor target)
    {
        loss.Forward(prediction, target);
        var analytic = loss.Backward();

        var numeric = GradientAssert.Numeric(prediction, () => loss.Forward(prediction, target));

        GradientAssert.Close(numeric, analytic, "dY");
    }
}
