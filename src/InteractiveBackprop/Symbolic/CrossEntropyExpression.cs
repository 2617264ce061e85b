namespace InteractiveBackprop.Symbolic;

/// <summary>
/// The softmax cross-entropy averaged over the batch, L = -(1/B) Σᵢⱼ Tᵢⱼ log softmax(Z)ᵢⱼ, with
/// logits Z and targets T of shape [B,C] whose rows sum to 1.
/// </summary>
internal sealed record CrossEntropyExpression(Expression Logits, Expression Targets) : Expression
{
    public override IEnumerable<Expression> Children => [Logits, Targets];

    public override Expression WithChildren(IReadOnlyList<Expression> children) =>
        this with { Logits = children[0], Targets = children[1] };
}
