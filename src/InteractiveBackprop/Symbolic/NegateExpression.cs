namespace InteractiveBackprop.Symbolic;

/// <summary>A unary minus as parsed; typing turns it into a multiple by -1.</summary>
internal sealed record NegateExpression(Expression Operand) : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
