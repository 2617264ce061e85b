using System.Globalization;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Draws a <see cref="Heatmap"/> as a static SVG: coloured cells with their values,
/// row and column labels and axis titles.</summary>
internal static class HeatmapSvg
{
    private const double Top = 40;
    private const double LabelMargin = 64;

    /// <summary>Renders <paramref name="heatmap"/> as an SVG document.</summary>
    public static string Render(Heatmap heatmap)
    {
        // Cells shrink for large matrices so that the image stays under about 600 px.
        double cell = Math.Clamp(560.0 / Math.Max(heatmap.Rows, heatmap.Columns), 8, 40);
        bool showValues = cell >= 20;
        double width = LabelMargin + cell * heatmap.Columns + 24;
        double height = Top + cell * heatmap.Rows + 48;
        var (low, high) = Range(heatmap);

        var canvas = new SvgCanvas(Math.Max(width, 320), height);
        canvas.Text(Math.Max(width, 320) / 2, 22, heatmap.Title, "middle", 15, bold: true);
        for (int row = 0; row < heatmap.Rows; row++)
        {
            double y = Top + row * cell;
            canvas.Text(LabelMargin - 6, y + cell / 2 + 4, heatmap.RowLabels[row], "end", 11);
            for (int column = 0; column < heatmap.Columns; column++)
            {
                DrawCell(canvas, heatmap[row, column], LabelMargin + column * cell, y, cell,
                    low, high, showValues);
            }
        }

        double bottom = Top + heatmap.Rows * cell;
        for (int column = 0; column < heatmap.Columns; column++)
        {
            canvas.Text(LabelMargin + (column + 0.5) * cell, bottom + 16,
                heatmap.ColumnLabels[column], "middle", 11);
        }

        canvas.Text(LabelMargin + heatmap.Columns * cell / 2, bottom + 38, heatmap.XTitle, "middle");
        canvas.Text(16, Top + heatmap.Rows * cell / 2, heatmap.YTitle, "middle", rotate: -90);
        return canvas.Finish();
    }

    /// <summary>Formats a cell's value as the Plotly figure's "%{z:.4~g}" template does.</summary>
    public static string FormatValue(double value) =>
        value.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e");

    private static void DrawCell(SvgCanvas canvas, double value, double x, double y, double size,
        double low, double high, bool showValue)
    {
        if (!double.IsFinite(value))
        {
            canvas.Rect(x, y, size, size, "#ffffff", "#dddddd");
            return;
        }

        double t = high > low ? (value - low) / (high - low) : 0;
        canvas.Rect(x, y, size, size, ChartColors.ForHeat(t));
        if (showValue)
        {
            canvas.Text(x + size / 2, y + size / 2 + 4, FormatValue(value), "middle", 11,
                t > 0.5 ? "#ffffff" : "#222222");
        }
    }

    private static (double Low, double High) Range(Heatmap heatmap)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        for (int row = 0; row < heatmap.Rows; row++)
        {
            for (int column = 0; column < heatmap.Columns; column++)
            {
                double value = heatmap[row, column];
                if (double.IsFinite(value))
                {
                    low = Math.Min(low, value);
                    high = Math.Max(high, value);
                }
            }
        }

        return (low, high);
    }
}
