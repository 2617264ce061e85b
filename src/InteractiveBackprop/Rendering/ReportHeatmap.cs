using System.Globalization;
using System.Net;
using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>
/// Renders the relative errors of a gradient's comparisons as an HTML grid of its shape, each
/// cell coloured by its CS231n band and labelled with the error's power of ten. Cells that were
/// not compared (sampled mode) stay blank; cells near a kink get an outline.
/// </summary>
internal static class ReportHeatmap
{
    // Heatmaps of larger gradients would flood the cell; the worst-elements table covers them.
    public const int MaxCells = 400;

    private const string CellStyle = "width:2.6em;height:1.4em;text-align:center;" +
        "font-size:smaller;border:1px solid rgba(127,127,127,0.35);color:#fff";

    public static string Format(GradientResult gradient)
    {
        var shape = gradient.ExpectedShape;
        if (gradient.Mode == GradientCheckMode.Directional || gradient.Comparisons.Count == 0 ||
            shape.Length > MaxCells)
        {
            return "";
        }

        var cells = new ProbeComparison?[shape.Rows, shape.Columns];
        foreach (var comparison in gradient.Comparisons)
        {
            cells[comparison.Row, comparison.Column] = comparison;
        }

        var html = new StringBuilder("<table class=\"ib-heatmap\" style=\"border-collapse:" +
            "collapse;margin:4px 0;font-family:monospace\"><caption style=\"caption-side:top;" +
            "text-align:left;opacity:0.75;white-space:nowrap\">relative error of ")
            .Append(WebUtility.HtmlEncode(gradient.Name)).Append(" by element (10^k)</caption>");
        for (int i = 0; i < shape.Rows; i++)
        {
            html.Append("<tr>");
            for (int j = 0; j < shape.Columns; j++)
            {
                AppendCell(html, cells[i, j], i, j);
            }

            html.Append("</tr>");
        }

        return html.Append("</table>").ToString();
    }

    /// <summary>The colour of a band, chosen to read on light and dark backgrounds.</summary>
    public static string Colour(ErrorBand band) => band switch
    {
        ErrorBand.Good => "#2e9e4f",
        ErrorBand.AcceptableWithKinks => "#8a9a1e",
        ErrorBand.Suspicious => "#d98a1c",
        ErrorBand.Wrong => "#d64545",
        _ => "#7f7f7f",
    };

    private static void AppendCell(
        StringBuilder html, ProbeComparison? comparison, int row, int column)
    {
        if (comparison is null)
        {
            html.Append("<td style=\"").Append(CellStyle).Append(";background:transparent\" ")
                .Append("title=\"[").Append(row).Append(',').Append(column)
                .Append("] not sampled\"></td>");
            return;
        }

        var band = ErrorBands.Classify(comparison.RelativeError);
        string exponent = comparison.RelativeError switch
        {
            double.NaN => "nan",
            0 => "0",
            var error => Math.Floor(Math.Log10(error)).ToString(CultureInfo.InvariantCulture),
        };
        string outline = comparison.NearKink ? ";outline:2px dashed currentColor" : "";
        string title = $"{comparison.Label}: analytic {NumberText.Format(comparison.Analytic)}, " +
            $"numeric {NumberText.Format(comparison.Numeric)}, relative error " +
            $"{NumberText.FormatError(comparison.RelativeError)}" +
            (comparison.NearKink ? ", near a kink" : "");
        html.Append("<td style=\"").Append(CellStyle).Append(";background:").Append(Colour(band))
            .Append(outline).Append("\" title=\"").Append(WebUtility.HtmlEncode(title))
            .Append("\">").Append(exponent).Append("</td>");
    }
}
