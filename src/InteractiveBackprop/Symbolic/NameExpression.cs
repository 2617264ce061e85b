namespace InteractiveBackprop.Symbolic;

/// <summary>A named matrix: an input such as X or a value assigned by a statement.</summary>
internal sealed record NameExpression(string Name) : Expression
{
    public override IEnumerable<Expression> Children => [];

    public override Expression WithChildren(IReadOnlyList<Expression> children) => this;
}
