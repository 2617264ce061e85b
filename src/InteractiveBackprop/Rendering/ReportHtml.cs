using System.Net;
using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>
/// Renders a gradient-check report as HTML: a summary, then per gradient a table of its shape,
/// errors, band and score, an error heatmap, the worst comparisons and the diagnosis. Colours are
/// chosen to read on light and dark backgrounds.
/// </summary>
public static class ReportHtml
{
    private const int WorstShown = 5;
    private const string Pass = "color:#2e9e4f;font-weight:bold";
    private const string Fail = "color:#d64545;font-weight:bold";
    private const string Cell = "padding:2px 10px;text-align:left;border-bottom:1px solid " +
        "rgba(127,127,127,0.35);color:inherit;background:transparent";
    private const string Table = "border-collapse:collapse;font-family:monospace;" +
        "color:inherit;background:transparent;margin:4px 0";
    private const string Note = "opacity:0.75;font-size:smaller";

    /// <summary>Formats <paramref name="report"/> as an HTML fragment.</summary>
    public static string Format(GradientCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder("<div class=\"ib-report\" style=\"color:inherit\">");
        html.Append("<div><strong>Gradient check of ").Append(Encode(report.Subject))
            .Append(":</strong> ").Append(Verdict(report.Passed, ReportWords.Verdict(report)))
            .Append(" (score ").Append(ReportWords.Score(report.Score)).Append(")</div>");
        html.Append("<div style=\"").Append(Note).Append("\">")
            .Append(Encode(ReportWords.Mode(report))).Append(". ")
            .Append(Encode(ReportWords.Loss(report))).Append('.');
        if (report.Structure is not null)
        {
            html.Append(" Structure: ").Append(Encode(report.Structure)).Append('.');
        }

        html.Append("</div>");
        AppendSummary(html, report);
        foreach (var gradient in report.Gradients)
        {
            AppendDetails(html, gradient);
        }

        html.Append("<div style=\"").Append(Note).Append("\">")
            .Append(Encode(ReportWords.Rule(report.Options))).Append("<br>")
            .Append(Encode(ReportWords.Bands)).Append("</div></div>");
        return html.ToString();
    }

    private static void AppendSummary(StringBuilder html, GradientCheckReport report)
    {
        html.Append("<table style=\"").Append(Table).Append("\"><thead><tr>");
        foreach (string header in new[]
        {
            "gradient", "shape", "max abs error", "max rel error", "band", "score", "verdict",
        })
        {
            html.Append("<th style=\"").Append(Cell).Append("\">").Append(header).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var gradient in report.Gradients)
        {
            html.Append("<tr>");
            AppendCell(html, gradient.Name);
            AppendCell(html, ReportWords.Shape(gradient));
            AppendCell(html, NumberText.FormatError(gradient.MaxAbsoluteError));
            AppendCell(html, NumberText.FormatError(gradient.MaxRelativeError));
            html.Append("<td style=\"").Append(Cell).Append(";color:")
                .Append(ReportHeatmap.Colour(gradient.Band)).Append("\">")
                .Append(Encode(ErrorBands.Describe(gradient.Band))).Append("</td>");
            AppendCell(html, ReportWords.Score(gradient.Score));
            html.Append("<td style=\"").Append(Cell).Append("\">")
                .Append(Verdict(gradient.Passed, ReportWords.GradientVerdict(gradient)))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendDetails(StringBuilder html, GradientResult gradient)
    {
        html.Append("<div class=\"ib-gradient\" style=\"margin:6px 0 6px 8px\"><strong>")
            .Append(Encode(gradient.Name)).Append("</strong> ")
            .Append(Verdict(gradient.Passed, ReportWords.GradientVerdict(gradient)));
        if (gradient.Formula is not null)
        {
            html.Append(" <span style=\"").Append(Note).Append("\">should be ")
                .Append(Encode(gradient.Name)).Append(" = ").Append(Encode(gradient.Formula))
                .Append("</span>");
        }

        if (gradient.Diagnosis is { } diagnosis)
        {
            html.Append("<div class=\"ib-diagnosis\" style=\"border-left:3px solid #d64545;" +
                "padding:2px 8px;margin:4px 0\"><strong>")
                .Append(Encode(ReportWords.Mistake(diagnosis))).Append(":</strong> ")
                .Append(Encode(diagnosis.Message)).Append("</div>");
        }

        string kinks = ReportWords.Kinks(gradient);
        if (kinks.Length > 0)
        {
            html.Append("<div style=\"").Append(Note).Append("\">").Append(Encode(kinks))
                .Append("</div>");
        }

        html.Append(ReportHeatmap.Format(gradient));
        if (!gradient.Passed && gradient.Comparisons.Count > 0)
        {
            AppendWorst(html, gradient);
        }

        html.Append("</div>");
    }

    private static void AppendWorst(StringBuilder html, GradientResult gradient)
    {
        html.Append("<table class=\"ib-worst\" style=\"").Append(Table).Append("\"><caption " +
            "style=\"caption-side:top;text-align:left;opacity:0.75\">worst comparisons</caption>" +
            "<thead><tr>");
        foreach (string header in new[]
        {
            "element", "analytic", "numeric", "abs error", "rel error", "verdict",
        })
        {
            html.Append("<th style=\"").Append(Cell).Append("\">").Append(header).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var comparison in ReportWords.Worst(gradient, WorstShown))
        {
            html.Append("<tr>");
            AppendCell(html, comparison.Label + (comparison.NearKink ? " (kink)" : ""));
            AppendCell(html, NumberText.Format(comparison.Analytic));
            AppendCell(html, NumberText.Format(comparison.Numeric));
            AppendCell(html, NumberText.FormatError(comparison.AbsoluteError));
            AppendCell(html, NumberText.FormatError(comparison.RelativeError));
            html.Append("<td style=\"").Append(Cell).Append("\">")
                .Append(Verdict(comparison.Passed, comparison.Passed ? "pass" : "FAIL"))
                .Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }

    private static void AppendCell(StringBuilder html, string text) =>
        html.Append("<td style=\"").Append(Cell).Append("\">").Append(Encode(text))
            .Append("</td>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Verdict(bool passed, string text) =>
        $"<span style=\"{(passed ? Pass : Fail)}\">{text}</span>";
}
