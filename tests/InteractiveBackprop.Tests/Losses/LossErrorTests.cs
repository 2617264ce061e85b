using InteractiveBackprop.Losses;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Losses;

public class LossErrorTests
{
    [Fact]
    public void MeanSquaredErrorRejectsOtherTargetShape()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => new MeanSquaredError().Forward(Tensor.Zeros(4, 2), Tensor.Zeros(4, 1)));

        Assert.Equal("MeanSquaredError.Forward: the prediction Y has shape [4,2] but the target T " +
            "has shape [4,1]; T must have Y's shape, one row of targets per example.",
            error.Message);
    }

    [Fact]
    public void MeanSquaredErrorRejectsVectorPrediction()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => new MeanSquaredError().Forward(Tensor.Vector(1, 2), Tensor.Vector(1, 2)));

        Assert.Equal("MeanSquaredError.Forward: the tensor has shape [2] of rank 1, but the " +
            "operation needs rank 2; the prediction Y must be a [B,M] matrix with one row per " +
            "example.", error.Message);
    }

    [Fact]
    public void BackwardBeforeForwardThrows()
    {
        var mse = Assert.Throws<InvalidOperationException>(() => new MeanSquaredError().Backward());
        var ce = Assert.Throws<InvalidOperationException>(() => new SoftmaxCrossEntropy().Backward());

        Assert.Equal("MeanSquaredError.Backward: no forward pass has run; call Forward(Y, T) first.",
            mse.Message);
        Assert.Equal("SoftmaxCrossEntropy.Backward: no forward pass has run; call Forward(Z, T) " +
            "first.", ce.Message);
    }

    [Fact]
    public void CrossEntropyRejectsClassOutsideRange()
    {
        var loss = new SoftmaxCrossEntropy();

        var fromArray = Assert.Throws<ArgumentOutOfRangeException>(
            () => loss.Forward(Tensor.Zeros(2, 3), [0, 3]));
        var fromTensor = Assert.Throws<ArgumentOutOfRangeException>(
            () => loss.Forward(Tensor.Zeros(2, 3), Tensor.Vector(0, 1.5)));

        Assert.StartsWith("SoftmaxCrossEntropy.Forward: the class array gives class 3 for row 1, " +
            "but the scores have 3 classes; a class index must be a whole number from 0 to 2.",
            fromArray.Message);
        Assert.StartsWith("SoftmaxCrossEntropy.Forward: the target tensor gives class 1.5 for " +
            "row 1", fromTensor.Message);
    }

    [Fact]
    public void CrossEntropyRejectsTargetOfOtherShape()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), Tensor.Zeros(3, 2)));
        var count = Assert.Throws<TensorShapeException>(
            () => new SoftmaxCrossEntropy().Forward(Tensor.Zeros(2, 3), [0, 1, 2]));

        Assert.Equal("SoftmaxCrossEntropy.Forward: the scores Z have shape [2,3] but the target " +
            "has shape [3,2]; the target must be one-hot rows of shape [2,3], or class indices " +
            "of shape [2] or [2,1].", error.Message);
        Assert.Equal("SoftmaxCrossEntropy.Forward: the scores Z have shape [2,3] but the class " +
            "indices have shape [3]; give one class per row, 2 in all, not 3.", count.Message);
    }

    [Fact]
    public void CrossEntropyRejectsVectorScores()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => new SoftmaxCrossEntropy().Forward(Tensor.Vector(1, 2), [0]));

        Assert.Equal("SoftmaxCrossEntropy.Forward: the tensor has shape [2] of rank 1, but the " +
            "operation needs rank 2; the scores Z must be a [B,C] matrix with one row per " +
            "example.", error.Message);
    }
}
