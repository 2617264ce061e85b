using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InteractiveBackprop.Notebooks.Tests.Charts;

/// <summary>
/// Packs the extension with eng/pack.sh and runs chart cells through the pinned dotnet-interactive
/// tool, with a HOME and NuGet cache of its own so that no cached package or setting leaks in.
/// </summary>
[Collection(nameof(EnvironmentCollection))]
[Trait("Category", "EndToEnd")]
public sealed class ChartsInRealToolTests
{
    private const string BundleBanner = "plotly.js (cartesian - minified) v4.1.1";

    // Restoring the tool and the packages into an empty cache takes about a minute here.
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task ChartCellsRenderWithoutErrors()
    {
        string repository = EngineLocator.FindManifestFolder(AppContext.BaseDirectory);
        Run(repository, "bash", "eng/pack.sh");
        var home = Directory.CreateTempSubdirectory("ib-charts-home-");
        var work = Directory.CreateTempSubdirectory("ib-charts-work-");
        string packages = Path.Combine(repository, "artifacts", "packages");
        var saved = (Home: Environment.GetEnvironmentVariable("HOME"),
            Cache: Environment.GetEnvironmentVariable("NUGET_PACKAGES"));
        try
        {
            Environment.SetEnvironmentVariable("HOME", home.FullName);
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", Path.Combine(home.FullName, "nuget"));
            Run(repository, "dotnet", "tool", "restore");
            await using var engine = await KernelEngine.StartAsync(
                repository, work.FullName, TimeSpan.FromMinutes(3));
            await RunCellsAsync(engine, packages);
        }
        finally
        {
            Environment.SetEnvironmentVariable("HOME", saved.Home);
            Environment.SetEnvironmentVariable("NUGET_PACKAGES", saved.Cache);
            home.Delete(recursive: true);
            work.Delete(recursive: true);
        }
    }

    private static async Task RunCellsAsync(KernelEngine engine, string packages)
    {
        var load = await SubmitAsync(engine, $$"""
            using Microsoft.DotNet.Interactive;
            using Microsoft.DotNet.Interactive.Commands;
            using Microsoft.DotNet.Interactive.Events;
            var load = await Kernel.Root.SendAsync(new SubmitCode(
                "#i \"nuget: {{packages}}\"\n#r \"nuget: InteractiveBackprop.Interactive, *-*\"", "csharp"));
            if (load.Events.OfType<CommandFailed>().FirstOrDefault() is { } failure)
            {
                throw new InvalidOperationException(failure.Message);
            }
            """);
        var shown = await SubmitAsync(engine, """
            using InteractiveBackprop.Interactive.Charts;
            var chart = new LineChart("Training", "epoch", "loss", rightYTitle: "accuracy");
            var loss = chart.AddSeries("train loss");
            var accuracy = chart.AddSeries("test accuracy", onRightAxis: true);
            var shown = chart.Display();
            """);
        var updated = await SubmitAsync(engine, """
            for (int epoch = 1; epoch <= 3; epoch++)
            {
                loss.Add(epoch, 1.0 / epoch);
                accuracy.Add(epoch, 0.5 + 0.1 * epoch);
                shown.Update(chart);
            }
            """);
        var heatmap = await SubmitAsync(engine, """
            var matrix = InteractiveBackprop.Metrics.ConfusionMatrix.Compute(
                new[] { 0, 1, 1 }, new[] { 0, 1, 0 }, 2);
            Heatmap.FromConfusionMatrix(matrix)
            """);
        var grid = await SubmitAsync(engine, """
            var grid = new ImageGrid("Misclassified", 8, 8);
            grid.Add(Enumerable.Range(0, 64).Select(p => (double)(p % 17)).ToArray(), "3 → 8");
            grid.Display();
            """);

        var loader = Assert.Single(Displays(load, "DisplayedValueProduced"),
            display => Html(display).Contains(BundleBanner, StringComparison.Ordinal));
        Assert.Equal(1, Regex.Count(Html(loader), Regex.Escape(BundleBanner)));

        var chartOutput = Assert.Single(Displays(shown, "DisplayedValueProduced"));
        Assert.Equal(["text/html", "text/plain"], MimeTypes(chartOutput));
        AssertOfflineChart(Html(chartOutput));

        var updates = Displays(updated, "DisplayedValueUpdated");
        Assert.Equal(3, updates.Count);
        Assert.All(updates, update =>
            Assert.Equal((string?)chartOutput["valueId"], (string?)update["valueId"]));
        Assert.Contains("\"x\":[1,2,3],\"y\":[1,0.5,0.3333333333333333]", Html(updates[^1]));

        var heatmapOutput = Assert.Single(Displays(heatmap, "ReturnValueProduced"));
        AssertOfflineChart(Html(heatmapOutput));
        Assert.Contains("\"z\":[[1,0],[1,1]]", Html(heatmapOutput));

        var gridOutput = Assert.Single(Displays(grid, "DisplayedValueProduced"));
        Assert.StartsWith("<img class=\"ib-chart-static\"", Html(gridOutput));
        Assert.Equal("Image grid \"Misclassified\", 1 image of 8 × 8: 3 → 8", Text(gridOutput));
    }

    private static void AssertOfflineChart(string html)
    {
        Assert.Contains("window.Plotly.newPlot(", html);
        Assert.Contains("src=\"data:image/svg+xml;base64,", html);
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("require", html);
        Assert.DoesNotContain(BundleBanner, html);
    }

    private static async Task<Submission> SubmitAsync(KernelEngine engine, string code)
    {
        var submission = await engine.SubmitAsync(code, "csharp", CellTimeout);
        Assert.True(submission.Succeeded, submission.ErrorMessage);
        Assert.DoesNotContain(submission.Events,
            item => (string?)item["eventType"] is "CommandFailed" or "ErrorProduced");
        return submission;
    }

    private static List<JsonObject> Displays(Submission submission, string eventType) =>
        [.. submission.Events
            .Where(item => (string?)item["eventType"] == eventType)
            .Select(item => (JsonObject)item["event"]!)
            .Where(display => MimeTypes(display).Contains("text/html"))];

    private static JsonArray Values(JsonObject display) =>
        display["formattedValues"] as JsonArray ?? [];

    private static List<string> MimeTypes(JsonObject display) =>
        [.. Values(display).Select(value => (string)value!["mimeType"]!).Order()];

    private static string Html(JsonObject display) =>
        (string)Values(display).Single(value => (string?)value!["mimeType"] == "text/html")!["value"]!;

    private static string Text(JsonObject display) =>
        (string)Values(display).Single(value => (string?)value!["mimeType"] == "text/plain")!["value"]!;

    private static void Run(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: " +
            output.Result + error);
    }
}
