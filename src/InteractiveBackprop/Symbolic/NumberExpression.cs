namespace InteractiveBackprop.Symbolic;

/// <summary>A number literal as parsed; typing turns it into a <see cref="ConstantExpression"/>.</summary>
internal sealed record NumberExpression(decimal Value) : Expression
{
    public override IEnumerable<Expression> Children => [];

    public override Expression WithChildren(IReadOnlyList<Expression> children) => this;
}
