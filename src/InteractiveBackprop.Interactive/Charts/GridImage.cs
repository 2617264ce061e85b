namespace InteractiveBackprop.Interactive.Charts;

/// <summary>One image of an <see cref="ImageGrid"/>: its pixels in row-major order and its
/// caption.</summary>
public sealed record GridImage(IReadOnlyList<double> Pixels, string Caption);
