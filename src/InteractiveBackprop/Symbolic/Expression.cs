namespace InteractiveBackprop.Symbolic;

/// <summary>
/// A node of a matrix expression. Nodes are immutable and compare by structure; the source span
/// takes no part in equality, so that the same formula typed twice compares equal.
/// </summary>
internal abstract record Expression
{
    /// <summary>The source characters the node was parsed from; empty for derived nodes.</summary>
    public SourceSpan Span { get; init; }

    public virtual bool Equals(Expression? other) =>
        other is not null && EqualityContract == other.EqualityContract;

    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>The direct operands, in source order.</summary>
    public abstract IEnumerable<Expression> Children { get; }

    /// <summary>Returns this node with its operands replaced, in the order of
    /// <see cref="Children"/>.</summary>
    public abstract Expression WithChildren(IReadOnlyList<Expression> children);

    /// <summary>Whether any node of this expression satisfies <paramref name="predicate"/>.</summary>
    public bool Any(Func<Expression, bool> predicate) =>
        predicate(this) || Children.Any(child => child.Any(predicate));

    /// <summary>Whether the expression contains a differential such as dW.</summary>
    public bool HasDifferential =>
        Any(node => node is DifferentialExpression or DifferentialOfExpression);
}
