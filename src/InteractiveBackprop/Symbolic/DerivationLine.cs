namespace InteractiveBackprop.Symbolic;

/// <summary>
/// One line of a derivation: <c>Left = Right</c>, where Right is a sum of terms, and the rule
/// that produced it. A line with no Left continues the equation of the line above.
/// </summary>
internal sealed record DerivationLine(Expression? Left, IReadOnlyList<Expression> Right, string Rule);
