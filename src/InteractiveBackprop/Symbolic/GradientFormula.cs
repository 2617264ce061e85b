namespace InteractiveBackprop.Symbolic;

/// <summary>
/// The derived gradient ∂L/∂V of one name: an input, or an intermediate whose gradient later
/// formulas use as G_V. <paramref name="Formula"/> is null when L does not depend on V.
/// </summary>
internal sealed record GradientFormula(string Name, Expression? Formula, MatrixShape Shape,
    bool IsIntermediate);
