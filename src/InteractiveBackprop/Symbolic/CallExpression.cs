namespace InteractiveBackprop.Symbolic;

/// <summary>A function call as parsed, such as sum(X, 0); typing resolves the function.</summary>
internal sealed record CallExpression(string Function, IReadOnlyList<Expression> Arguments)
    : Expression
{
    public override IEnumerable<Expression> Children => Arguments;

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Arguments = children.ToArray() };
}
