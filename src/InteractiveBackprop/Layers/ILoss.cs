namespace InteractiveBackprop.Layers;

using InteractiveBackprop.Tensors;

/// <summary>
/// A loss head: a scalar loss of a prediction against a target, with its gradient. The gradient
/// checker checks any implementation of this interface against central differences in the
/// prediction.
/// </summary>
/// <remarks>
/// The contract: <see cref="Forward"/> returns L for a prediction of shape [B,M] and remembers what
/// <see cref="Backward"/> needs; <see cref="Backward"/> returns dL/d(prediction), of the
/// prediction's shape. A mean loss puts its 1/B inside that gradient, so the layers below it sum
/// over the batch.
/// </remarks>
public interface ILoss
{
    /// <summary>Computes the loss of <paramref name="prediction"/> against
    /// <paramref name="target"/>.</summary>
    double Forward(Tensor prediction, Tensor target);

    /// <summary>Computes dL/d(prediction) for the latest <see cref="Forward"/>.</summary>
    Tensor Backward();
}
