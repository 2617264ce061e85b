namespace InteractiveBackprop.Checking;

/// <summary>
/// One comparison of a check: an element of the gradient (full and sampled modes) or a
/// directional derivative (directional mode), analytic against central differences.
/// </summary>
/// <param name="Label">The element, such as <c>[2,0]</c>, or the direction, such as
/// <c>u1</c>.</param>
/// <param name="Row">The element's row, or -1 for a direction.</param>
/// <param name="Column">The element's column, or -1 for a direction.</param>
/// <param name="Analytic">The analytic value: the element, or ⟨gradient, u⟩.</param>
/// <param name="Numeric">The central difference (f(x+h) - f(x-h)) / 2h.</param>
/// <param name="AbsoluteError">|Analytic - Numeric|, or the distance from Analytic to the
/// interval of the one-sided differences when <paramref name="NearKink"/> is set.</param>
/// <param name="RelativeError">AbsoluteError / max(|Analytic|, |Numeric|), 0 when both are
/// within the absolute tolerance of 0.</param>
/// <param name="Passed">Whether the comparison meets the tolerance rule.</param>
/// <param name="NearKink">Whether the one-sided differences (f(x+h) - f(x)) / h and
/// (f(x) - f(x-h)) / h disagree by more than a smooth function allows, so that a kink such as
/// ReLU's at 0 lies within the step.</param>
/// <param name="LeftDerivative">The one-sided difference (f(x) - f(x-h)) / h.</param>
/// <param name="RightDerivative">The one-sided difference (f(x+h) - f(x)) / h.</param>
public sealed record ProbeComparison(
    string Label,
    int Row,
    int Column,
    double Analytic,
    double Numeric,
    double AbsoluteError,
    double RelativeError,
    bool Passed,
    bool NearKink,
    double LeftDerivative,
    double RightDerivative);
