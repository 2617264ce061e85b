namespace InteractiveBackprop.Losses;

/// <summary>How a loss combines the per-element or per-example terms into one number, as
/// PyTorch's <c>reduction</c> argument does.</summary>
public enum LossReduction
{
    /// <summary>The average: the loss divides by the number of terms and puts that factor
    /// inside dL/dY, so the layers below sum over the batch.</summary>
    Mean,

    /// <summary>The sum of the terms, with no factor.</summary>
    Sum,
}
