namespace InteractiveBackprop.Symbolic;

/// <summary>An element-wise function applied to a matrix, such as relu(Z).</summary>
internal sealed record FunctionExpression(ElementwiseFunction Function, Expression Operand)
    : Expression
{
    public override IEnumerable<Expression> Children => [Operand];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Operand = children[0] };
}
