using System.Globalization;
using System.Text;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Formats the plain-text summaries of the charts, which a frontend shows when it
/// renders no HTML and which the static images use as alternative text.</summary>
internal static class ChartText
{
    /// <summary>Lists each series with its number of points and its last point.</summary>
    public static string Format(LineChart chart)
    {
        var text = new StringBuilder();
        text.Append("Line chart \"").Append(chart.Title).Append("\", ").Append(chart.YTitle)
            .Append(" by ").Append(chart.XTitle).Append(':');
        if (chart.Series.Count == 0)
        {
            text.Append(" no series");
        }

        foreach (var series in chart.Series)
        {
            text.AppendLine().Append("  ").Append(series.Name).Append(": ");
            int count = series.X.Count;
            text.Append(count == 1 ? "1 point" : $"{count} points");
            if (count > 0)
            {
                text.Append(", last (").Append(Number(series.X[count - 1])).Append(", ")
                    .Append(Number(series.Y[count - 1])).Append(')');
            }
        }

        return text.ToString();
    }

    /// <summary>Writes the values as a table with the row and column labels.</summary>
    public static string Format(Heatmap heatmap)
    {
        var cells = new string[heatmap.Rows + 1, heatmap.Columns + 1];
        cells[0, 0] = "";
        for (int column = 0; column < heatmap.Columns; column++)
        {
            cells[0, column + 1] = heatmap.ColumnLabels[column];
        }

        for (int row = 0; row < heatmap.Rows; row++)
        {
            cells[row + 1, 0] = heatmap.RowLabels[row];
            for (int column = 0; column < heatmap.Columns; column++)
            {
                cells[row + 1, column + 1] = HeatmapSvg.FormatValue(heatmap[row, column]);
            }
        }

        var text = new StringBuilder();
        text.Append("Heatmap \"").Append(heatmap.Title).Append('"');
        if (heatmap.YTitle.Length > 0)
        {
            text.Append(", rows: ").Append(heatmap.YTitle);
        }

        if (heatmap.XTitle.Length > 0)
        {
            text.Append(", columns: ").Append(heatmap.XTitle);
        }

        AppendTable(text, cells);
        return text.ToString();
    }

    /// <summary>Lists the captions in grid order.</summary>
    public static string Format(ImageGrid grid)
    {
        string count = grid.Images.Count == 1 ? "1 image" : $"{grid.Images.Count} images";
        return $"Image grid \"{grid.Title}\", {count} of {grid.ImageHeight} × {grid.ImageWidth}" +
            (grid.Images.Count == 0 ? "" : ": " +
                string.Join(", ", grid.Images.Select(image => image.Caption)));
    }

    /// <summary>Returns the first line of a summary, short enough for an image's alternative text.</summary>
    public static string FirstLine(string summary)
    {
        int end = summary.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? summary : summary[..end].TrimEnd('\r', ':');
    }

    private static void AppendTable(StringBuilder text, string[,] cells)
    {
        var widths = new int[cells.GetLength(1)];
        for (int column = 0; column < widths.Length; column++)
        {
            for (int row = 0; row < cells.GetLength(0); row++)
            {
                widths[column] = Math.Max(widths[column], cells[row, column].Length);
            }
        }

        for (int row = 0; row < cells.GetLength(0); row++)
        {
            text.AppendLine().Append(' ');
            for (int column = 0; column < widths.Length; column++)
            {
                text.Append(' ').Append(cells[row, column].PadLeft(widths[column]));
            }
        }
    }

    private static string Number(double value) =>
        value.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e");
}
