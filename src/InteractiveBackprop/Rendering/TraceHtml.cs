using System.Net;
using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a forward and backward pass as HTML: one row per tensor with its name,
/// shape, formula and values.</summary>
public static class TraceHtml
{
    private const string Cell = "padding:2px 10px;text-align:left;vertical-align:top;" +
        "border-bottom:1px solid rgba(127,127,127,0.35);color:inherit;background:transparent";

    /// <summary>Formats <paramref name="trace"/> as an HTML fragment.</summary>
    public static string Format(BackpropTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var html = new StringBuilder("<div class=\"ib-trace\" style=\"color:inherit\"><div>" +
            "<strong>Forward and backward pass of ")
            .Append(WebUtility.HtmlEncode(trace.Subject)).Append("</strong>");
        if (trace.Structure is not null)
        {
            html.Append(" (").Append(WebUtility.HtmlEncode(trace.Structure)).Append(')');
        }

        html.Append("</div><table style=\"border-collapse:collapse;color:inherit;" +
            "background:transparent\"><thead><tr>");
        foreach (string header in new[] { "tensor", "shape", "formula", "value" })
        {
            html.Append("<th style=\"").Append(Cell).Append("\">").Append(header).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var entry in trace.Entries)
        {
            html.Append("<tr><td style=\"").Append(Cell).Append(";font-family:monospace\">")
                .Append(WebUtility.HtmlEncode(entry.Name)).Append("</td><td style=\"")
                .Append(Cell).Append(";font-family:monospace\">")
                .Append(entry.Value?.Shape.ToString() ?? "null").Append("</td><td style=\"")
                .Append(Cell).Append("\">").Append(WebUtility.HtmlEncode(entry.Formula))
                .Append("</td><td style=\"").Append(Cell).Append("\">")
                .Append(entry.Value is null ? "null" : TensorHtml.Format(entry.Value))
                .Append("</td></tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }
}
