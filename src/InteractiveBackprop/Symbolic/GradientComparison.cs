using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// A derived gradient evaluated on a random instance beside its central-difference estimate.
/// </summary>
/// <param name="Name">The gradient, for example dW.</param>
/// <param name="Formula">The derived formula in plain text.</param>
/// <param name="Analytic">The derived formula's value.</param>
/// <param name="Numeric">The central-difference estimate.</param>
/// <param name="MaxAbsoluteError">The largest |analytic - numeric| over the elements.</param>
/// <param name="MaxRelativeError">The largest |analytic - numeric| / max(|analytic|, |numeric|).</param>
/// <param name="Passed">Whether every element is within the tolerance.</param>
public sealed record GradientComparison(string Name, string Formula, Tensor Analytic, Tensor Numeric,
    double MaxAbsoluteError, double MaxRelativeError, bool Passed);
