using System.Net;
using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>
/// Renders a gradient-check report as an HTML table: per gradient its expected and actual shape,
/// maximum absolute and relative error, and verdict. Colours are chosen to read on light and dark
/// backgrounds.
/// </summary>
public static class ReportHtml
{
    private const string Pass = "color:#2e9e4f;font-weight:bold";
    private const string Fail = "color:#d64545;font-weight:bold";
    private const string Cell = "padding:2px 10px;text-align:left;border-bottom:1px solid " +
        "rgba(127,127,127,0.35);color:inherit;background:transparent";

    /// <summary>Formats <paramref name="report"/> as an HTML fragment.</summary>
    public static string Format(GradientCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder("<div class=\"ib-report\" style=\"color:inherit\">");
        html.Append("<div><strong>Gradient check of ")
            .Append(WebUtility.HtmlEncode(report.Subject)).Append(":</strong> ")
            .Append(Verdict(report.Passed, report.Passed ? "PASSED" : "FAILED")).Append("</div>");
        html.Append("<table style=\"border-collapse:collapse;font-family:monospace;" +
            "color:inherit;background:transparent\"><thead><tr>");
        foreach (string header in new[]
            { "gradient", "expected shape", "shape", "max abs error", "max rel error", "verdict" })
        {
            html.Append("<th style=\"").Append(Cell).Append("\">").Append(header).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var gradient in report.Gradients)
        {
            html.Append("<tr>");
            AppendCell(html, gradient.Name);
            AppendCell(html, gradient.ExpectedShape.ToString());
            AppendCell(html, gradient.ActualShape?.ToString() ?? "none");
            AppendCell(html, NumberText.FormatError(gradient.MaxAbsoluteError));
            AppendCell(html, NumberText.FormatError(gradient.MaxRelativeError));
            html.Append("<td style=\"").Append(Cell).Append("\">")
                .Append(Verdict(gradient.Passed, gradient.Passed ? "pass" : "FAIL"))
                .Append("</td></tr>");
            if (gradient.Problem is not null)
            {
                html.Append("<tr><td colspan=\"6\" style=\"").Append(Cell).Append("\">")
                    .Append(WebUtility.HtmlEncode(gradient.Problem)).Append("</td></tr>");
            }
        }

        html.Append("</tbody></table><div style=\"opacity:0.75;font-size:smaller\">")
            .Append("An element passes when |analytic − numeric| ≤ atol + rtol·|numeric|; rtol ")
            .Append(NumberText.FormatError(report.Options.RelativeTolerance)).Append(", atol ")
            .Append(NumberText.FormatError(report.Options.AbsoluteTolerance)).Append(", seed ")
            .Append(report.Options.Seed).Append(".</div></div>");
        return html.ToString();
    }

    private static void AppendCell(StringBuilder html, string text) =>
        html.Append("<td style=\"").Append(Cell).Append("\">")
            .Append(WebUtility.HtmlEncode(text)).Append("</td>");

    private static string Verdict(bool passed, string text) =>
        $"<span style=\"{(passed ? Pass : Fail)}\">{text}</span>";
}
