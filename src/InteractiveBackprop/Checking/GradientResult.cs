using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>The comparison of one analytic gradient, such as dW, with central differences.</summary>
/// <param name="Name">The gradient's name: <c>dX</c>, or <c>d</c> and a parameter's name.</param>
/// <param name="ExpectedShape">The shape the gradient must have: that of X or the parameter.</param>
/// <param name="ActualShape">The shape the layer produced, <see langword="null"/> when it produced
/// none.</param>
/// <param name="Analytic">The layer's gradient, <see langword="null"/> when it produced none.</param>
/// <param name="Numeric">The central-difference estimate.</param>
/// <param name="MaxAbsoluteError">The largest |analytic - numeric| over the elements, or NaN
/// when the shapes differ.</param>
/// <param name="MaxRelativeError">The largest |analytic - numeric| / max(|analytic|, |numeric|)
/// over the elements (0 where both are 0), or NaN when the shapes differ.</param>
/// <param name="Passed">Whether the shapes agree and every element meets the tolerance.</param>
/// <param name="Problem">Why the gradient failed in words, or <see langword="null"/> when it
/// passed.</param>
public sealed record GradientResult(
    string Name,
    Shape ExpectedShape,
    Shape? ActualShape,
    Tensor? Analytic,
    Tensor Numeric,
    double MaxAbsoluteError,
    double MaxRelativeError,
    bool Passed,
    string? Problem);
