namespace InteractiveBackprop.Symbolic;

/// <summary>The differential d(E) of an expression not yet expanded by a rule.</summary>
internal sealed record DifferentialOfExpression(Expression Operand) : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
