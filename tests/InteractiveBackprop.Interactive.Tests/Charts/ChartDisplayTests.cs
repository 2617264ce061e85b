using System.Text;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive.Tests.Charts;

// The formatters are process-wide, so the chart tests do not run in parallel with other kernel tests.
[Collection(nameof(KernelCollection))]
public sealed class ChartDisplayTests
{
    // The banner at the top of the embedded bundle; it appears once wherever the bundle is embedded.
    private const string BundleBanner = "plotly.js (cartesian - minified) v4.1.1";

    private const string LineChartCode = """
        var chart = new LineChart("Training", "epoch", "loss", rightYTitle: "accuracy");
        var loss = chart.AddSeries("train loss");
        var accuracy = chart.AddSeries("test accuracy", onRightAxis: true);
        loss.Add(1, 2.5); loss.Add(2, 1.25);
        accuracy.Add(1, 0.5); accuracy.Add(2, 0.75);
        """;

    [Fact]
    public async Task LineChartDisplaysHtmlAndText()
    {
        using var kernel = await ChartKernel.StartAsync();

        var events = await kernel.SubmitAsync(LineChartCode + "chart.Display();");

        var displayed = Assert.Single(events.OfType<DisplayedValueProduced>());
        Assert.Equal(["text/html", "text/plain"],
            displayed.FormattedValues.Select(value => value.MimeType).Order());
        string text = displayed.FormattedValues.Single(value => value.MimeType == "text/plain").Value;
        Assert.Equal("""
            Line chart "Training", loss by epoch:
              train loss: 2 points, last (2, 1.25)
              test accuracy: 2 points, last (2, 0.75)
            """.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ChartHtmlUsesGlobalPlotlyOffline()
    {
        using var kernel = await ChartKernel.StartAsync();

        string html = Html(Assert.Single(
            (await kernel.SubmitAsync(LineChartCode + "chart.Display();"))
            .OfType<DisplayedValueProduced>()));

        Assert.Contains("window.Plotly.newPlot(element, figure.data, figure.layout", html);
        Assert.Contains("\"name\":\"train loss\",\"x\":[1,2],\"y\":[2.5,1.25]", html);
        Assert.Contains("\"yaxis\":\"y2\"", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("require", html);
        Assert.DoesNotContain(BundleBanner, html);
    }

    [Fact]
    public async Task ChartHtmlCarriesStaticSvg()
    {
        using var kernel = await ChartKernel.StartAsync();

        string html = Html(Assert.Single(
            (await kernel.SubmitAsync(LineChartCode + "chart.Display();"))
            .OfType<DisplayedValueProduced>()));

        string svg = StaticSvg(html);
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg);
        Assert.Equal(2, Regex.Count(svg, "<polyline "));
        Assert.Contains(">train loss</text>", svg);
        Assert.Contains(">test accuracy (right)</text>", svg);
        Assert.Contains("alt=\"Line chart &quot;Training&quot;, loss by epoch\"", html);
    }

    [Fact]
    public async Task NaNPointSplitsStaticLine()
    {
        using var kernel = await ChartKernel.StartAsync();

        string html = Html(Assert.Single((await kernel.SubmitAsync("""
            var chart = new LineChart("Loss", "step", "loss");
            var loss = chart.AddSeries("loss");
            foreach (var y in new[] { 3.0, 2.0, double.NaN, 1.5, 1.0 }) { loss.Add(loss.X.Count, y); }
            chart.Display();
            """)).OfType<DisplayedValueProduced>()));

        Assert.Equal(2, Regex.Count(StaticSvg(html), "<polyline "));
        Assert.Contains("\"y\":[3,2,null,1.5,1]", html);
    }

    [Fact]
    public async Task PlotlyEmbeddedOncePerKernel()
    {
        using var kernel = await ChartKernel.StartAsync();

        var loader = Assert.Single(kernel.LoadEvents.OfType<DisplayedValueProduced>());
        var charts = await kernel.SubmitAsync(LineChartCode + "chart.Display(); chart.Display();");
        var reload = await kernel.SubmitAsync(
            "await new InteractiveBackprop.Interactive.BackpropKernelExtension().OnLoadAsync(" +
            "Microsoft.DotNet.Interactive.KernelInvocationContext.Current.HandlingKernel.RootKernel);");

        Assert.Equal(1, Regex.Count(Html(loader), Regex.Escape(BundleBanner)));
        Assert.Contains("window.ibPlotlyPending", Html(loader));
        Assert.Equal(2, charts.OfType<DisplayedValueProduced>().Count());
        Assert.All(charts.OfType<DisplayedValueProduced>(),
            chart => Assert.DoesNotContain(BundleBanner, Html(chart)));
        Assert.Empty(reload.OfType<DisplayedValueProduced>());
    }

    [Fact]
    public async Task LiveChartUpdatesSameDisplay()
    {
        using var kernel = await ChartKernel.StartAsync();
        var shown = await kernel.SubmitAsync(LineChartCode + "var shown = chart.Display();");

        var updates = await kernel.SubmitAsync("""
            loss.Add(3, 0.625); shown.Update(chart);
            loss.Add(4, 0.5); shown.Update(chart);
            """);

        string displayId = Assert.Single(shown.OfType<DisplayedValueProduced>()).ValueId;
        var updated = updates.OfType<DisplayedValueUpdated>().ToList();
        Assert.Equal(2, updated.Count);
        Assert.All(updated, update => Assert.Equal(displayId, update.ValueId));
        Assert.Contains("\"x\":[1,2,3,4],\"y\":[2.5,1.25,0.625,0.5]", Html(updated[1]));
        Assert.Empty(updates.OfType<DisplayedValueProduced>());
    }

    [Fact]
    public async Task ConfusionHeatmapShowsCountsAndLabels()
    {
        using var kernel = await ChartKernel.StartAsync();

        var displayed = Assert.Single((await kernel.SubmitAsync("""
            var matrix = InteractiveBackprop.Metrics.ConfusionMatrix.Compute(
                new[] { 0, 0, 1, 1, 2 }, new[] { 0, 1, 1, 1, 0 }, 3);
            Heatmap.FromConfusionMatrix(matrix, new[] { "zero", "one", "two" }).Display();
            """)).OfType<DisplayedValueProduced>());

        string html = Html(displayed);
        Assert.Contains("\"z\":[[1,1,0],[0,2,0],[1,0,0]]", html);
        Assert.Contains("\"x\":[\"zero\",\"one\",\"two\"]", html);
        Assert.Contains("\"autorange\":\"reversed\"", html);
        Assert.Contains(">2</text>", StaticSvg(html));
        Assert.Equal("""
            Heatmap "Confusion matrix: 3 of 5 correct (60.0%)", rows: actual class, columns: predicted class
                   zero one two
              zero    1   1   0
               one    0   2   0
               two    1   0   0
            """.ReplaceLineEndings("\n"), Text(displayed).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ImageGridIsStaticImage()
    {
        using var kernel = await ChartKernel.StartAsync();

        var displayed = Assert.Single((await kernel.SubmitAsync("""
            var grid = new ImageGrid("Misclassified", 2, 2, columns: 2);
            grid.Add(new double[] { 0, 16, 8, 0 }, "7 → 1");
            grid.Add(InteractiveBackprop.Tensors.Tensor.Row(16, 0, 0, 16), "3 → 8");
            grid.Display();
            """)).OfType<DisplayedValueProduced>());

        string html = Html(displayed);
        string svg = StaticSvg(html);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("fill=\"#000000\"", svg);
        Assert.Contains("fill=\"#808080\"", svg);
        Assert.Contains(">7 → 1</text>", svg);
        Assert.Equal("Image grid \"Misclassified\", 2 images of 2 × 2: 7 → 1, 3 → 8", Text(displayed));
    }

    private static string Html(DisplayEvent displayed) =>
        displayed.FormattedValues.Single(value => value.MimeType == "text/html").Value;

    private static string Text(DisplayEvent displayed) =>
        displayed.FormattedValues.Single(value => value.MimeType == "text/plain").Value;

    private static string StaticSvg(string html)
    {
        var match = Regex.Match(html, "src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"");
        Assert.True(match.Success, "The HTML has no static SVG image.");
        return Encoding.UTF8.GetString(Convert.FromBase64String(match.Groups[1].Value));
    }
}
