namespace InteractiveBackprop.Symbolic;

/// <summary>
/// The element-wise derivative f′(Z) of a function at <paramref name="Operand"/>. When a statement
/// assigned f(Z) to a name, <paramref name="Output"/> is that name, so that σ′(Z) can be written
/// H ⊙ (1 - H).
/// </summary>
internal sealed record DerivativeExpression(
    ElementwiseFunction Function, Expression Operand, string? Output) : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
