namespace InteractiveBackprop.Symbolic;

/// <summary>The transpose of a matrix.</summary>
internal sealed record TransposeExpression(Expression Operand) : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
