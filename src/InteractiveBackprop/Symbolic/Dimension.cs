using System.Globalization;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// One dimension of a matrix shape: a symbol such as <c>B</c> or a fixed size such as 1.
/// </summary>
/// <param name="Symbol">The name of a symbolic dimension, or null for a fixed size.</param>
/// <param name="Size">The fixed size, used when <paramref name="Symbol"/> is null.</param>
public readonly record struct Dimension(string? Symbol, int Size)
{
    /// <summary>The fixed dimension 1, the row count of a bias row and of a scalar.</summary>
    public static Dimension One => new(null, 1);

    /// <summary>Whether this is the fixed size 1.</summary>
    public bool IsOne => Symbol is null && Size == 1;

    /// <summary>Creates a symbolic dimension.</summary>
    public static Dimension Of(string symbol) => new(symbol, 0);

    /// <summary>Creates a fixed dimension.</summary>
    public static Dimension Of(int size) => new(null, size);

    /// <summary>Formats the dimension as its symbol or its size.</summary>
    public override string ToString() =>
        Symbol ?? Size.ToString(CultureInfo.InvariantCulture);
}
