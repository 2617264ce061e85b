using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// Sets up the charts in a kernel: the formatters of <see cref="LineChart"/>,
/// <see cref="Heatmap"/> and <see cref="ImageGrid"/>, and the one output per kernel session that
/// embeds plotly.js (see <see cref="PlotlyBundle"/> for why it is done this way).
/// </summary>
public static class ChartRegistration
{
    // Kernels that already received the plotly.js output.
    private static readonly ConditionalWeakTable<Kernel, object> KernelsWithPlotly = new();

    /// <summary>
    /// Registers the chart formatters, replacing earlier registrations, and, the first time for
    /// <paramref name="kernel"/>, displays the plotly.js loader as an output of the command that
    /// loads the extension. When no command is running, as when a test calls this directly, no
    /// loader is displayed and charts show their static image until a later load displays it.
    /// </summary>
    public static void Register(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        RegisterFormatters();
        var context = KernelInvocationContext.Current;
        if (context is null || !KernelsWithPlotly.TryAdd(kernel, new object()))
        {
            return;
        }

        context.Publish(new DisplayedValueProduced(PlotlyBundle.LoaderText, context.Command,
        [
            new FormattedValue(HtmlFormatter.MimeType, PlotlyBundle.LoaderHtml),
            new FormattedValue(PlainTextFormatter.MimeType, PlotlyBundle.LoaderText),
        ]));
    }

    private static void RegisterFormatters()
    {
        Formatter.Register<LineChart>((chart, writer) => writer.Write(ChartHtml.FormatPlotly(
            PlotlyFigures.For(chart), LineChartSvg.Render(chart),
            ChartText.FirstLine(ChartText.Format(chart)))), HtmlFormatter.MimeType);
        Formatter.Register<LineChart>((chart, writer) => writer.Write(ChartText.Format(chart)),
            PlainTextFormatter.MimeType);

        Formatter.Register<Heatmap>((heatmap, writer) => writer.Write(ChartHtml.FormatPlotly(
            PlotlyFigures.For(heatmap), HeatmapSvg.Render(heatmap),
            ChartText.FirstLine(ChartText.Format(heatmap)))), HtmlFormatter.MimeType);
        Formatter.Register<Heatmap>((heatmap, writer) => writer.Write(ChartText.Format(heatmap)),
            PlainTextFormatter.MimeType);

        Formatter.Register<ImageGrid>((grid, writer) => writer.Write(ChartHtml.FormatImage(
            ImageGridSvg.Render(grid), ChartText.Format(grid))), HtmlFormatter.MimeType);
        Formatter.Register<ImageGrid>((grid, writer) => writer.Write(ChartText.Format(grid)),
            PlainTextFormatter.MimeType);

        foreach (var type in new[] { typeof(LineChart), typeof(Heatmap), typeof(ImageGrid) })
        {
            Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType,
                PlainTextFormatter.MimeType);
        }
    }
}
