using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Rendering;

/// <summary>
/// Chooses which rows and columns a renderer shows. Like numpy, a tensor of more than
/// <see cref="Threshold"/> elements is summarised: a dimension longer than twice
/// <see cref="EdgeItems"/> keeps only its first and last <see cref="EdgeItems"/> entries.
/// </summary>
internal sealed class TensorLayout
{
    /// <summary>numpy's default <c>threshold</c>: tensors up to this size are shown whole.</summary>
    public const int Threshold = 1000;

    /// <summary>numpy's default <c>edgeitems</c>.</summary>
    public const int EdgeItems = 3;

    private TensorLayout(IReadOnlyList<int?> rows, IReadOnlyList<int?> columns)
    {
        Rows = rows;
        Columns = columns;
    }

    /// <summary>The row indices to show in order; null marks the gap of the ellipsis.</summary>
    public IReadOnlyList<int?> Rows { get; }

    /// <summary>The column indices to show in order; null marks the gap of the ellipsis.</summary>
    public IReadOnlyList<int?> Columns { get; }

    public static TensorLayout For(Tensor tensor)
    {
        bool summarise = tensor.Length > Threshold;
        return new TensorLayout(Indices(tensor.Rows, summarise), Indices(tensor.Columns, summarise));
    }

    private static List<int?> Indices(int count, bool summarise)
    {
        var indices = new List<int?>();
        if (!summarise || count <= 2 * EdgeItems)
        {
            for (int i = 0; i < count; i++)
            {
                indices.Add(i);
            }

            return indices;
        }

        for (int i = 0; i < EdgeItems; i++)
        {
            indices.Add(i);
        }

        indices.Add(null);
        for (int i = count - EdgeItems; i < count; i++)
        {
            indices.Add(i);
        }

        return indices;
    }
}
