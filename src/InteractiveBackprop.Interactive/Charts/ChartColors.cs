using System.Globalization;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>The colours shared by the Plotly figures and their static SVG forms, so both look
/// alike.</summary>
internal static class ChartColors
{
    /// <summary>Plotly's default trace colours, used in order and then from the start again.</summary>
    public static readonly string[] Series =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The heatmap colour of the smallest value (ColorBrewer Blues, lightest).</summary>
    public const string HeatmapLow = "#f7fbff";

    /// <summary>The heatmap colour of the largest value (ColorBrewer Blues, darkest).</summary>
    public const string HeatmapHigh = "#08306b";

    /// <summary>Returns the colour of the series at <paramref name="index"/>.</summary>
    public static string ForSeries(int index) => Series[index % Series.Length];

    /// <summary>Interpolates linearly between <see cref="HeatmapLow"/> (t = 0) and
    /// <see cref="HeatmapHigh"/> (t = 1), as Plotly does between two colorscale stops.</summary>
    public static string ForHeat(double t)
    {
        t = Math.Clamp(t, 0, 1);
        int red = Mix(0xf7, 0x08, t);
        int green = Mix(0xfb, 0x30, t);
        int blue = Mix(0xff, 0x6b, t);
        return string.Create(CultureInfo.InvariantCulture, $"#{red:x2}{green:x2}{blue:x2}");
    }

    private static int Mix(int low, int high, double t) => (int)Math.Round(low + (high - low) * t);
}
