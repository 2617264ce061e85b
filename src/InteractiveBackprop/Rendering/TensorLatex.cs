using System.Text;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a tensor as a LaTeX <c>bmatrix</c>.</summary>
public static class TensorLatex
{
    /// <summary>
    /// Formats <paramref name="tensor"/> as <c>\begin{bmatrix}…\end{bmatrix}</c>, with \cdots,
    /// \vdots and \ddots where a large tensor is summarised. The result has no math delimiters;
    /// see <see cref="FormatDisplay"/>.
    /// </summary>
    public static string Format(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var layout = TensorLayout.For(tensor);
        var latex = new StringBuilder(@"\begin{bmatrix}");
        for (int i = 0; i < layout.Rows.Count; i++)
        {
            var row = layout.Rows[i];
            var cells = layout.Columns.Select(column =>
                row is null ? (column is null ? @"\ddots" : @"\vdots")
                : column is null ? @"\cdots" : NumberText.Format(tensor.At(row.Value, column.Value)));
            latex.Append(string.Join(" & ", cells));
            latex.Append(i == layout.Rows.Count - 1 ? "" : @" \\ ");
        }

        return latex.Append(@"\end{bmatrix}").ToString();
    }

    /// <summary>Formats <paramref name="tensor"/> as display math, <c>$$\begin{bmatrix}…$$</c>,
    /// the form that notebook front ends typeset.</summary>
    public static string FormatDisplay(Tensor tensor) => "$$" + Format(tensor) + "$$";
}
