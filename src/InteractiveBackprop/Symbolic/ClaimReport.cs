namespace InteractiveBackprop.Symbolic;

/// <summary>
/// The verdict on a claimed gradient such as <c>dW = dY X</c>: its shape, its numbers against the
/// derived gradient, the derived formula, and how the claim differs from it.
/// </summary>
/// <param name="Forward">The forward statements.</param>
/// <param name="Claim">The claim as given.</param>
/// <param name="Gradient">The claimed gradient, for example dW.</param>
/// <param name="ShapeProblem">Why the claim's shape is wrong, with the operation and both
/// shapes; null when the shape is right.</param>
/// <param name="Numbers">The claim's values beside central differences on a random instance;
/// null when the shape is wrong.</param>
/// <param name="DerivedFormula">The derived gradient in the claim's words, for example
/// <c>dW = Xᵀ·dY</c>.</param>
/// <param name="Differences">How the claim differs from the derived gradient, for example
/// "transpose X and swap the operands of dY·X"; empty when the claim is right or no
/// explanation was found.</param>
/// <param name="Correction">The claim rewritten to match, or null.</param>
/// <param name="Derivation">The derivation the claim was checked against.</param>
public sealed record ClaimReport(string Forward, string Claim, string Gradient, string? ShapeProblem,
    GradientComparison? Numbers, string DerivedFormula, IReadOnlyList<string> Differences,
    string? Correction, Derivation Derivation)
{
    /// <summary>Whether the claim has the right shape and matches central differences.</summary>
    public bool Passed => ShapeProblem is null && Numbers is { Passed: true };

    /// <summary>Formats the verdict as plain text.</summary>
    public string ToPlainText() => ClaimText.Plain(this);

    /// <summary>Formats the verdict as plain text, the same text as
    /// <see cref="ToPlainText"/>, so that <c>Console.WriteLine(report)</c> shows the
    /// verdict rather than the record's members.</summary>
    public override string ToString() => ToPlainText();

    /// <summary>Formats the verdict as an HTML fragment.</summary>
    public string ToHtml() => ClaimText.Html(this);
}
