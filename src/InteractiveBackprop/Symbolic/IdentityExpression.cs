namespace InteractiveBackprop.Symbolic;

/// <summary>The identity matrix of size <paramref name="Size"/>.</summary>
internal sealed record IdentityExpression(Dimension Size) : Expression
{
    public override IEnumerable<Expression> Children => [];

    public override Expression WithChildren(IReadOnlyList<Expression> children) => this;
}
