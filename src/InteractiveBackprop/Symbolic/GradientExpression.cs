namespace InteractiveBackprop.Symbolic;

/// <summary>The gradient ∂L/∂V of the loss with respect to a named matrix V, written G_V.</summary>
internal sealed record GradientExpression(string Name) : Expression
{
    public override IEnumerable<Expression> Children => [];

    public override Expression WithChildren(IReadOnlyList<Expression> children) => this;
}
