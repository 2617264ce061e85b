using System.Net;
using System.Text;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Rendering;

/// <summary>
/// Renders a tensor as an HTML table with its shape as the caption. The styles are inline and use
/// <c>currentColor</c>, so the table reads in light and dark themes alike.
/// </summary>
public static class TensorHtml
{
    private const string TableStyle =
        "border-collapse:collapse;font-family:monospace;color:inherit;background:transparent;" +
        "margin:2px 0";

    private const string CellStyle =
        "padding:1px 8px;text-align:right;background:transparent;color:inherit";

    // The first and last columns carry the brackets of the matrix.
    private const string LeftBracket = ";border-left:1px solid currentColor";
    private const string RightBracket = ";border-right:1px solid currentColor";

    private const string CaptionStyle =
        "caption-side:top;text-align:left;font-family:monospace;opacity:0.75;color:inherit";

    /// <summary>Formats <paramref name="tensor"/> as a table, summarised with ellipses when large.</summary>
    /// <param name="tensor">The tensor to render.</param>
    /// <param name="name">A name shown before the shape, such as <c>dW</c>; none when null.</param>
    public static string Format(Tensor tensor, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var layout = TensorLayout.For(tensor);
        var html = new StringBuilder();
        html.Append("<table class=\"ib-tensor\" style=\"").Append(TableStyle).Append("\">");
        html.Append("<caption style=\"").Append(CaptionStyle).Append("\">");
        if (name is not null)
        {
            html.Append(WebUtility.HtmlEncode(name)).Append(' ');
        }

        html.Append("shape ").Append(tensor.Shape).Append("</caption><tbody>");
        foreach (var row in layout.Rows)
        {
            html.Append("<tr>");
            for (int j = 0; j < layout.Columns.Count; j++)
            {
                var column = layout.Columns[j];
                string cell = row is null ? (column is null ? "⋱" : "⋮")
                    : column is null ? "…" : NumberText.Format(tensor.At(row.Value, column.Value));
                html.Append("<td style=\"").Append(CellStyle)
                    .Append(j == 0 ? LeftBracket : "")
                    .Append(j == layout.Columns.Count - 1 ? RightBracket : "")
                    .Append("\">").Append(cell).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
