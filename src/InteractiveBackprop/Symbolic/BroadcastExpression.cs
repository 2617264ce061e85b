namespace InteractiveBackprop.Symbolic;

/// <summary>
/// A row, column or scalar repeated to fill <paramref name="Target"/>: 1_B·b for a [1,M] row,
/// c·1ᵀ for a column, s·1 for a scalar.
/// </summary>
internal sealed record BroadcastExpression(BroadcastKind Kind, Expression Operand, MatrixShape Target)
    : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
