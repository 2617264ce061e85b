namespace InteractiveBackprop.Symbolic;

/// <summary>A titled group of derivation lines, such as the differential of one statement.</summary>
internal sealed record DerivationSection(string Title, IReadOnlyList<DerivationLine> Lines);
