using Xunit.Abstractions;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>
/// Each notebook, opened in the classic Notebook UI in headless Chromium, shows what a user should
/// see: no error, tensors as tables or typeset matrices, LaTeX typeset by MathJax, charts drawn,
/// and nothing loaded from outside this machine.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class BrowserTests(JupyterHost host, ITestOutputHelper output)
{
    // Plotly draws after its script loads; a chart that is not drawn by then never will be.
    private static readonly TimeSpan ChartTimeout = TimeSpan.FromSeconds(30);

    [SkippableTheory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public async Task RunAllInBrowserRendersEveryOutput(string notebook)
    {
        host.RequireAvailable();
        await using var page = await NotebookPage.OpenAsync(host, $"browser/notebooks/{notebook}");

        await page.RestartAndRunAllAsync(JupyterHost.NotebookTimeout);
        var view = await page.InspectAsync(ChartTimeout);
        await page.ScreenshotAsync(Screenshot(notebook, ""));

        AssertRendered(view, page.ExternalRequests);
    }

    [SkippableTheory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public async Task RunnersExecutedCopyRendersSavedOutputs(string notebook)
    {
        host.RequireAvailable();
        var run = await host.RunRunnerOnceAsync();
        Assert.True(run.ExitCode == 0, $"the runner exited with {run.ExitCode}:\n{run.Tail()}");
        var failures = ExecutedNotebook.Failures(host.ExecutedCopyOf(notebook));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));

        await using var page = await NotebookPage.OpenAsync(host, $"runner/executed/{notebook}");
        var view = await page.InspectAsync(ChartTimeout);
        await page.ScreenshotAsync(Screenshot(notebook, ".executed"));

        Assert.True(view.Trusted, "the Notebook UI does not trust the runner's executed copy, " +
            "so it runs none of its scripts");
        Assert.True(view.TensorOutputs > 0 || !HasTensorOutputs(host.ExecutedCopyOf(notebook)),
            "the executed copy saved no tensor output");
        AssertRendered(view, page.ExternalRequests);
    }

    [SkippableFact]
    public async Task RequestGuardAbortsExternalRequests()
    {
        host.RequireAvailable();
        await using var page = await NotebookPage.OpenPageAsync(host, "tree");

        // The guard aborts the request before any lookup, so nothing leaves the machine.
        await page.FetchAsync("http://example.invalid/probe");

        Assert.Equal(["http://example.invalid/probe"], page.ExternalRequests);
    }

    private void AssertRendered(NotebookView view, IReadOnlyList<string> externalRequests)
    {
        output.WriteLine($"tensor outputs {view.TensorOutputs}, shown {view.TensorsShown}; " +
            $"markdown with math {view.MarkdownWithMath}, typeset {view.MarkdownTypeset}; " +
            $"chart outputs {view.ChartOutputs}, drawn {view.ChartsDrawn}; " +
            $"external requests {externalRequests.Count}");
        Assert.True(view.Errors.Length == 0, "error outputs:\n" + string.Join("\n", view.Errors) +
            "\nstderr:\n" + string.Join("\n", view.StandardError));
        Assert.True(view.MathJaxReady, "MathJax did not load, so no LaTeX is typeset");
        Assert.True(view.TensorsShown >= view.TensorOutputs, $"{view.TensorOutputs} tensor " +
            $"outputs, but only {view.TensorsShown} show as a table or typeset matrix");
        Assert.True(view.MarkdownTypeset == view.MarkdownWithMath, $"{view.MarkdownWithMath} " +
            $"markdown cells have math, but MathJax typeset {view.MarkdownTypeset}");
        Assert.True(view.RawLatex.Length == 0,
            "LaTeX shown as source:\n" + string.Join("\n---\n", view.RawLatex));
        Assert.True(view.ChartsDrawn >= view.ChartOutputs,
            $"{view.ChartOutputs} Plotly chart outputs, but {view.ChartsDrawn} drawn with data");
        Assert.True(externalRequests.Count == 0, "requests left the machine (aborted):\n" +
            string.Join("\n", externalRequests));
    }

    // A notebook that displays no tensor (03 and 04 show reports and charts) saves no table.
    private static bool HasTensorOutputs(string executedCopy) =>
        File.ReadAllText(executedCopy).Contains("ib-tensor");

    private static string Screenshot(string notebook, string suffix) =>
        Path.Combine(JupyterHost.ScreenshotFolder, Path.GetFileNameWithoutExtension(notebook) +
            suffix + ".png");
}
