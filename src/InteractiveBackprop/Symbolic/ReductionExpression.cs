namespace InteractiveBackprop.Symbolic;

/// <summary>A sum, mean, trace or squared norm; <see cref="Reduction"/> lists them.</summary>
internal sealed record ReductionExpression(Reduction Kind, Expression Operand) : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
