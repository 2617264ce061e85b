namespace InteractiveBackprop.Symbolic;

/// <summary>A constant scalar such as 2 or 1/B.</summary>
internal sealed record ConstantExpression(Coefficient Value) : Expression
{
    public override IEnumerable<Expression> Children => [];

    public override Expression WithChildren(IReadOnlyList<Expression> children) => this;
}
