using System.Text;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// The plotly.js bundle embedded in this assembly (see Plotly/README.md) and the HTML output that
/// defines the global <c>Plotly</c> from it.
/// </summary>
/// <remarks>
/// Why one output per kernel session and not a CDN or one copy per chart: the bundle is 1.5 MB,
/// so every chart cannot carry it, and a CDN draws nothing offline. The frontends differ in how a
/// later chart can reach a script that ran earlier:
/// <list type="bullet">
/// <item>Jupyter classic notebook 6.4 and JupyterLab insert outputs into the one page of the
/// notebook, so a global defined by an earlier output is visible to later ones. Classic has
/// require.js; this bundle sets <c>window.Plotly</c> itself and never calls <c>define</c>, and
/// the loader hides <c>define</c>, <c>module</c> and <c>exports</c> from it anyway, so it needs
/// no module loader in any of the three.</item>
/// <item>VS Code Polyglot Notebooks renders all outputs of a notebook in one webview, so the
/// global is shared there too, but it may render a visible chart before the loader output above
/// it. A chart that finds no <c>Plotly</c> therefore queues its drawing in
/// <c>window.ibPlotlyPending</c>, and the loader drains the queue when it runs.</item>
/// <item>A reopened notebook runs no script unless Jupyter trusts it (it signed it when it saved
/// it), so every chart output also carries a static SVG image inside its HTML that shows when no
/// script runs.</item>
/// </list>
/// The loader is the output of the cell that loads the extension, the first cell of a notebook,
/// so on reopening it is rendered (and, if trusted, run) before the charts below it.
/// NOTE: running that cell again in the same kernel session does not load the extension again
/// (tool 1.0.712001), so the cell's new output has no loader. A notebook saved after that draws
/// only static images when reopened, until its cells run in a new kernel session.
/// </remarks>
internal static class PlotlyBundle
{
    /// <summary>The plotly.js version of the embedded bundle.</summary>
    public const string Version = "4.1.1";

    /// <summary>The name of the array where charts queue their drawing until Plotly is defined.</summary>
    public const string PendingQueue = "ibPlotlyPending";

    private const string ResourceName = "InteractiveBackprop.Interactive.Charts.plotly-cartesian.min.js";

    private static readonly Lazy<string> LoaderHtmlValue = new(BuildLoaderHtml);

    /// <summary>The plain-text form of the loader output.</summary>
    public static string LoaderText =>
        $"plotly.js {Version} (cartesian bundle, MIT licence) is embedded in this notebook, " +
        "so charts draw with no network.";

    /// <summary>The HTML output that defines <c>window.Plotly</c> unless the page already has it,
    /// then draws the charts that were waiting for it.</summary>
    public static string LoaderHtml => LoaderHtmlValue.Value;

    private static string BuildLoaderHtml()
    {
        var html = new StringBuilder(ReadBundle().Length + 1024);
        html.Append("<div class=\"ib-plotly-loader\" style=\"font-family:monospace;opacity:0.6\">")
            .Append(LoaderText).Append("</div>\n<script type=\"text/javascript\">\n")
            .Append("if (!window.Plotly) {\n")
            .Append("(function (define, module, exports) {\n")
            .Append(ReadBundle())
            .Append("\n}).call(window);\n}\n")
            .Append("(function () {\n")
            .Append("  var pending = window.").Append(PendingQueue).Append(" || [];\n")
            .Append("  window.").Append(PendingQueue).Append(" = [];\n")
            .Append("  pending.forEach(function (draw) { draw(); });\n")
            .Append("})();\n</script>");
        return html.ToString();
    }

    private static string ReadBundle()
    {
        using var stream = typeof(PlotlyBundle).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"The resource {ResourceName} is missing from {typeof(PlotlyBundle).Assembly}; " +
                "the extension was built without its plotly.js bundle.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string bundle = reader.ReadToEnd();

        // An inline script ends at the first "</script", so the bundle must not contain one.
        if (bundle.Contains("</script", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The resource {ResourceName} contains \"</script\" and cannot be inlined.");
        }

        return bundle;
    }
}
