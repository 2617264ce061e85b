namespace InteractiveBackprop.Losses;

/// <summary>How a loss combines the losses of the examples of a batch into one number.
/// </summary>
public enum LossReduction
{
    /// <summary>The mean over the batch: the loss divides the sum by the batch size B and puts
    /// that 1/B inside dL/dY, so the layers below sum over the batch.</summary>
    Mean,

    /// <summary>The sum over the batch, with no factor.</summary>
    Sum,
}
