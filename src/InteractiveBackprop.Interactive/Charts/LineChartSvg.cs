namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Draws a <see cref="LineChart"/> as a static SVG: title, legend, axes with ticks and
/// one line per series, with a gap at each NaN or infinite point.</summary>
internal static class LineChartSvg
{
    private const double Width = 640;
    private const double Height = 360;
    private const double Left = 64;
    private const double Top = 58;
    private const double Bottom = Height - 46;
    private const string AxisColor = "#444444";
    private const string GridColor = "#e5e5e5";

    // Markers clutter a line of many points, as Plotly's own "lines+markers" would.
    private const int MaxPointsWithMarkers = 60;

    /// <summary>Renders <paramref name="chart"/> as an SVG document.</summary>
    public static string Render(LineChart chart)
    {
        double right = Width - (chart.RightYTitle is null ? 24 : 64);
        var left = chart.Series.Where(series => !series.OnRightAxis).ToList();
        var rightSeries = chart.Series.Where(series => series.OnRightAxis).ToList();
        var x = AxisScale.Fit(chart.Series.SelectMany(series => series.X), Left, right);
        var y = AxisScale.Fit(left.SelectMany(series => series.Y), Bottom, Top);
        var y2 = AxisScale.Fit(rightSeries.SelectMany(series => series.Y), Bottom, Top);

        var canvas = new SvgCanvas(Width, Height);
        canvas.Text(Width / 2, 22, chart.Title, "middle", 15, bold: true);
        DrawLegend(canvas, chart);
        DrawAxes(canvas, chart, x, y, y2, right);
        for (int i = 0; i < chart.Series.Count; i++)
        {
            var series = chart.Series[i];
            DrawSeries(canvas, series, x, series.OnRightAxis ? y2 : y, ChartColors.ForSeries(i));
        }

        if (chart.Series.All(series => series.X.Count == 0))
        {
            canvas.Text((Left + right) / 2, (Top + Bottom) / 2, "no points yet", "middle");
        }

        return canvas.Finish();
    }

    private static void DrawLegend(SvgCanvas canvas, LineChart chart)
    {
        double position = Left;
        for (int i = 0; i < chart.Series.Count; i++)
        {
            string color = ChartColors.ForSeries(i);
            string name = chart.Series[i].Name + (chart.Series[i].OnRightAxis ? " (right)" : "");
            canvas.Line(position, 40, position + 18, 40, color, 2);
            canvas.Text(position + 22, 44, name);
            position += 34 + name.Length * SvgCanvas.CharWidth;
        }
    }

    private static void DrawAxes(SvgCanvas canvas, LineChart chart, AxisScale x, AxisScale y,
        AxisScale y2, double right)
    {
        foreach (double tick in y.Ticks())
        {
            double pixel = y.ToPixel(tick);
            canvas.Line(Left, pixel, right, pixel, GridColor);
            canvas.Text(Left - 6, pixel + 4, y.Label(tick), "end", 11);
        }

        foreach (double tick in x.Ticks())
        {
            double pixel = x.ToPixel(tick);
            canvas.Line(pixel, Bottom, pixel, Bottom + 4, AxisColor);
            canvas.Text(pixel, Bottom + 17, x.Label(tick), "middle", 11);
        }

        canvas.Line(Left, Bottom, right, Bottom, AxisColor);
        canvas.Line(Left, Top, Left, Bottom, AxisColor);
        canvas.Text((Left + right) / 2, Height - 8, chart.XTitle, "middle");
        canvas.Text(16, (Top + Bottom) / 2, chart.YTitle, "middle", rotate: -90);
        if (chart.RightYTitle is null)
        {
            return;
        }

        canvas.Line(right, Top, right, Bottom, AxisColor);
        foreach (double tick in y2.Ticks())
        {
            canvas.Text(right + 6, y2.ToPixel(tick) + 4, y2.Label(tick), "start", 11);
        }

        canvas.Text(Width - 12, (Top + Bottom) / 2, chart.RightYTitle, "middle", rotate: 90);
    }

    private static void DrawSeries(
        SvgCanvas canvas, LineSeries series, AxisScale x, AxisScale y, string color)
    {
        var segment = new List<(double X, double Y)>();
        for (int i = 0; i <= series.X.Count; i++)
        {
            bool finite = i < series.X.Count
                && double.IsFinite(series.X[i]) && double.IsFinite(series.Y[i]);
            if (finite)
            {
                segment.Add((x.ToPixel(series.X[i]), y.ToPixel(series.Y[i])));
                continue;
            }

            if (segment.Count > 1)
            {
                canvas.Polyline(segment, color);
            }

            // A lone point between gaps has no line, so it always gets a marker.
            bool markers = series.X.Count <= MaxPointsWithMarkers || segment.Count == 1;
            foreach (var (px, py) in markers ? segment : [])
            {
                canvas.Circle(px, py, 3, color);
            }

            segment.Clear();
        }
    }
}
