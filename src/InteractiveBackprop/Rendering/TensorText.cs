using System.Text;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a tensor as plain text in numpy's bracketed layout, columns aligned.</summary>
public static class TensorText
{
    /// <summary>Formats <paramref name="tensor"/>, summarised with "..." when it is large, followed
    /// by its shape.</summary>
    public static string Format(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var layout = TensorLayout.For(tensor);
        var cells = layout.Rows
            .Select(row => layout.Columns
                .Select(column => row is null ? (column is null ? "" : "...")
                    : column is null ? "..." : NumberText.Format(tensor.At(row.Value, column.Value)))
                .ToList())
            .ToList();
        int width = cells.SelectMany(row => row).Max(cell => cell.Length);

        var text = new StringBuilder("[");
        for (int i = 0; i < cells.Count; i++)
        {
            text.Append(i == 0 ? "[" : " [");
            text.Append(string.Join(", ", cells[i].Select(cell => cell.PadLeft(width))));
            text.Append(i == cells.Count - 1 ? "]]" : "],\n");
        }

        text.Append(" shape ").Append(tensor.Shape);
        return text.ToString();
    }
}
