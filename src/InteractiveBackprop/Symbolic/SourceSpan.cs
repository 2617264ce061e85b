namespace InteractiveBackprop.Symbolic;

/// <summary>A range of characters in the source of an expression, for error carets.</summary>
/// <param name="Start">The offset of the first character, from 0.</param>
/// <param name="Length">The number of characters; 0 marks a point such as the end of input.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>The offset just after the last character.</summary>
    public int End => Start + Length;

    /// <summary>Returns the span that covers both <paramref name="first"/> and
    /// <paramref name="last"/>.</summary>
    public static SourceSpan Cover(SourceSpan first, SourceSpan last) =>
        new(first.Start, Math.Max(first.End, last.End) - first.Start);
}
