using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Data;

/// <summary>A mini-batch: the features of its examples, one row each, and their labels.
/// </summary>
/// <param name="Features">The [B,F] features.</param>
/// <param name="Labels">The B class labels, in the order of the rows.</param>
public sealed record Batch(Tensor Features, int[] Labels);
