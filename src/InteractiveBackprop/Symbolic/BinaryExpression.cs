namespace InteractiveBackprop.Symbolic;

/// <summary>A binary operation; <see cref="BinaryOperator"/> lists them.</summary>
internal sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right)
    : Expression
{
    public override IEnumerable<Expression> Children => [Left, Right];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Left = children[0], Right = children[1] };
}
