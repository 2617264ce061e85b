using System.Text.Json.Nodes;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Builds the Plotly figures (<c>data</c> and <c>layout</c>) of the charts.</summary>
internal static class PlotlyFigures
{
    private const int LineChartHeight = 420;

    /// <summary>Builds one scatter trace per series, with lines and markers. NaN and infinite
    /// values become JSON null, which Plotly draws as a gap.</summary>
    public static JsonObject For(LineChart chart)
    {
        var data = new JsonArray();
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            var trace = new JsonObject
            {
                ["type"] = "scatter",
                ["mode"] = "lines+markers",
                ["name"] = series.Name,
                ["x"] = Numbers(series.X),
                ["y"] = Numbers(series.Y),
                ["line"] = new JsonObject { ["color"] = ChartColors.ForSeries(i) },
                ["marker"] = new JsonObject { ["size"] = 5 },
            };
            if (series.OnRightAxis)
            {
                trace["yaxis"] = "y2";
            }

            data.Add(trace);
        }

        var layout = new JsonObject
        {
            ["title"] = Text(chart.Title),
            ["height"] = LineChartHeight,
            ["xaxis"] = new JsonObject { ["title"] = Text(chart.XTitle) },
            ["yaxis"] = new JsonObject { ["title"] = Text(chart.YTitle) },
            // Plotly hides the legend of a single trace, and a live chart may start with one
            // series. The legend sits above the plot, as in the static form.
            ["showlegend"] = true,
            ["legend"] = new JsonObject
            {
                ["orientation"] = "h", ["x"] = 0, ["y"] = 1.02, ["yanchor"] = "bottom",
            },
            ["margin"] = new JsonObject { ["t"] = 90 },
        };
        if (chart.RightYTitle is not null)
        {
            layout["yaxis2"] = new JsonObject
            {
                ["title"] = Text(chart.RightYTitle),
                ["overlaying"] = "y",
                ["side"] = "right",
                // Without these, plotly.js 4.1.1 put the right axis's ticks at the left axis's
                // grid lines, at values such as 0.529, and drew a second grid.
                ["tickmode"] = "auto",
                ["showgrid"] = false,
            };
        }

        return new JsonObject { ["data"] = data, ["layout"] = layout };
    }

    /// <summary>Builds one heatmap trace with the value written in each cell, row 0 at the top.</summary>
    public static JsonObject For(Heatmap heatmap)
    {
        var z = new JsonArray();
        for (int row = 0; row < heatmap.Rows; row++)
        {
            var values = new double[heatmap.Columns];
            for (int column = 0; column < heatmap.Columns; column++)
            {
                values[column] = heatmap[row, column];
            }

            z.Add(Numbers(values));
        }

        var trace = new JsonObject
        {
            ["type"] = "heatmap",
            ["z"] = z,
            ["x"] = Strings(heatmap.ColumnLabels),
            ["y"] = Strings(heatmap.RowLabels),
            ["colorscale"] = new JsonArray(
                new JsonArray(0, ChartColors.HeatmapLow), new JsonArray(1, ChartColors.HeatmapHigh)),
            // "~g" drops trailing zeros, so counts read as integers.
            ["texttemplate"] = "%{z:.4~g}",
            ["hovertemplate"] =
                $"{heatmap.YTitle} %{{y}}<br>{heatmap.XTitle} %{{x}}<br>%{{z}}<extra></extra>",
        };

        // Category axes keep labels such as "0" and "1" as names, in the given order.
        var layout = new JsonObject
        {
            ["title"] = Text(heatmap.Title),
            ["height"] = Math.Clamp(120 + 36 * heatmap.Rows, 300, 900),
            ["xaxis"] = new JsonObject
            {
                ["title"] = Text(heatmap.XTitle), ["type"] = "category",
            },
            ["yaxis"] = new JsonObject
            {
                ["title"] = Text(heatmap.YTitle), ["type"] = "category", ["autorange"] = "reversed",
            },
        };
        return new JsonObject { ["data"] = new JsonArray(trace), ["layout"] = layout };
    }

    private static JsonObject Text(string text) => new() { ["text"] = text };

    private static JsonArray Numbers(IReadOnlyList<double> values)
    {
        var array = new JsonArray();
        foreach (double value in values)
        {
            array.Add(double.IsFinite(value) ? JsonValue.Create(value) : null);
        }

        return array;
    }

    private static JsonArray Strings(IReadOnlyList<string> values)
    {
        var array = new JsonArray();
        foreach (string value in values)
        {
            array.Add(value);
        }

        return array;
    }
}
