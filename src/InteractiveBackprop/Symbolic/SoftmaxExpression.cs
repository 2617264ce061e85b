namespace InteractiveBackprop.Symbolic;

/// <summary>The softmax of each row of a matrix.</summary>
internal sealed record SoftmaxExpression(Expression Operand) : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
