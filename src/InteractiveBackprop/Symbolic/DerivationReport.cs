namespace InteractiveBackprop.Symbolic;

/// <summary>A derivation with its numeric check, as <c>#!derive</c> shows it.</summary>
/// <param name="Derivation">The derivation.</param>
/// <param name="Numbers">The derived gradients compared with central differences.</param>
public sealed record DerivationReport(Derivation Derivation, NumericCheckResult Numbers)
{
    /// <summary>Formats the derivation and the numbers as an HTML fragment.</summary>
    public string ToHtml() => DerivationHtml.Format(Derivation, Numbers);

    /// <summary>Formats the derivation and the numbers as plain text.</summary>
    public string ToPlainText() => DerivationText.Format(Derivation, Numbers);

    /// <summary>Formats the derivation as LaTeX display math, followed by the numbers in a
    /// <c>\text</c> line.</summary>
    public string ToLatex() => Derivation.ToLatex() + "\n$$\\text{" +
        DerivationLatex.Escape(DerivationText.NumbersText(Numbers).Replace("\n", " ")) + "}$$";
}
