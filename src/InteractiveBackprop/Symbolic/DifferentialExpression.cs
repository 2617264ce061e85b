namespace InteractiveBackprop.Symbolic;

/// <summary>The differential dV of a named matrix V.</summary>
internal sealed record DifferentialExpression(string Name) : Expression
{
    public override IEnumerable<Expression> Children => [];

    public override Expression WithChildren(IReadOnlyList<Expression> children) => this;
}
