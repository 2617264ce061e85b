using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// Builds the HTML output of a chart: a static SVG image, replaced by the interactive Plotly chart
/// when scripts run. The script draws with the global <c>Plotly</c> that
/// <see cref="PlotlyBundle.LoaderHtml"/> defines and loads nothing itself.
/// </summary>
internal static class ChartHtml
{
    // The number of 50 ms waits for the chart's element, in case a frontend runs an output's
    // script before it attaches the output to the page.
    private const int AttachTries = 100;

    /// <summary>Formats the output of a Plotly figure with <paramref name="svg"/> as the fallback.</summary>
    /// <param name="figure">The figure, an object with <c>data</c> and <c>layout</c>.</param>
    /// <param name="svg">The static SVG document.</param>
    /// <param name="summary">A one-line description, the image's alternative text.</param>
    public static string FormatPlotly(JsonObject figure, string svg, string summary)
    {
        string id = "ib-chart-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        html.Append("<div class=\"ib-chart\" id=\"").Append(id)
            .Append("\" style=\"width:100%;max-width:760px\">")
            .Append(FormatImage(svg, summary)).Append("</div>\n");

        // The default System.Text.Json encoder escapes <, > and &, so no string in the figure can
        // close the script element.
        html.Append("<script type=\"text/javascript\">\n(function () {\n")
            .Append("  var id = \"").Append(id).Append("\";\n")
            .Append("  var figure = ").Append(figure.ToJsonString()).Append(";\n")
            .Append("  var tries = 0;\n")
            .Append("  function draw() {\n")
            .Append("    var element = document.getElementById(id);\n")
            .Append("    if (!element) {\n")
            .Append("      if (++tries < ").Append(AttachTries).Append(") { setTimeout(draw, 50); }\n")
            .Append("      return;\n")
            .Append("    }\n")
            .Append("    while (element.firstChild) { element.removeChild(element.firstChild); }\n")
            .Append("    window.Plotly.newPlot(element, figure.data, figure.layout,\n")
            .Append("      { responsive: true, displaylogo: false });\n")
            .Append("  }\n")
            .Append("  if (window.Plotly) { draw(); }\n")
            .Append("  else { (window.").Append(PlotlyBundle.PendingQueue).Append(" = window.")
            .Append(PlotlyBundle.PendingQueue).Append(" || []).push(draw); }\n")
            .Append("})();\n</script>");
        return html.ToString();
    }

    /// <summary>Formats <paramref name="svg"/> as an image element with a data URI. The HTML
    /// sanitizer of untrusted outputs in Jupyter notebook 6.4 and JupyterLab (from
    /// @jupyterlab/apputils) keeps an img with any src but removes inline svg elements.</summary>
    public static string FormatImage(string svg, string summary)
    {
        string data = Convert.ToBase64String(Encoding.UTF8.GetBytes(svg));
        return "<img class=\"ib-chart-static\" style=\"max-width:100%\" alt=\"" +
            WebUtility.HtmlEncode(summary) + "\" src=\"data:image/svg+xml;base64," + data + "\">";
    }
}
