namespace InteractiveBackprop.Interactive.Tests;

/// <summary>What a submitted cell showed: each display's plain text, HTML and LaTeX, and the
/// failure message when the cell failed.</summary>
public sealed record CellResult(
    IReadOnlyList<string?> Text,
    IReadOnlyList<string?> Html,
    IReadOnlyList<string?> Latex,
    string? Failure)
{
    /// <summary>The plain text of the only display.</summary>
    public string SingleText => Assert.Single(Text) ?? "";
}
