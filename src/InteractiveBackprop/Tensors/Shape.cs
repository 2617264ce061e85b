using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>
/// The shape of a <see cref="Tensor"/>: a number of rows and columns. A rank-2 tensor of shape
/// [1,M] is a row, the form a bias takes before it is broadcast over a batch.
/// </summary>
/// <param name="Rows">The number of rows, at least 1.</param>
/// <param name="Columns">The number of columns, at least 1.</param>
public readonly record struct Shape(int Rows, int Columns)
{
    /// <summary>The number of elements, <c>Rows * Columns</c>.</summary>
    public int Length => Rows * Columns;

    /// <summary>Formats the shape as numpy and PyTorch print it, for example <c>[4,2]</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[{Rows},{Columns}]");
}
