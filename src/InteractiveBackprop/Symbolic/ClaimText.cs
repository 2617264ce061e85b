using System.Net;
using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>Formats a <see cref="ClaimReport"/>.</summary>
internal static class ClaimText
{
    public static string Plain(ClaimReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"Claim {report.Claim} for {report.Forward}: {(report.Passed ? "CORRECT" : "WRONG")}");
        text.AppendLine(report.ShapeProblem is null
            ? "  shape: right"
            : $"  shape: wrong. {report.ShapeProblem}");
        if (report.Numbers is { } numbers)
        {
            text.AppendLine($"  numbers: {(numbers.Passed ? "match" : "differ")} (max rel error " +
                $"{DerivationText.Error(numbers.MaxRelativeError)} against central differences)");
        }

        text.AppendLine($"  derived: {report.DerivedFormula}");
        foreach (string difference in report.Differences)
        {
            text.AppendLine($"  difference: {difference}");
        }

        if (report.Correction is not null)
        {
            text.AppendLine($"  corrected claim: {report.Correction}");
        }

        return text.ToString();
    }

    public static string Html(ClaimReport report)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder("<div class=\"ib-claim\" style=\"color:inherit\">");
        html.Append("<div><strong>Claim <code>").Append(E(report.Claim)).Append("</code> for <code>")
            .Append(E(report.Forward)).Append("</code>:</strong> ")
            .Append(report.Passed
                ? "<span style=\"color:#2e9e4f;font-weight:bold\">CORRECT</span>"
                : "<span style=\"color:#d64545;font-weight:bold\">WRONG</span>").Append("</div><ul>");
        html.Append("<li>shape: ").Append(report.ShapeProblem is null ? "right" : "wrong. " + E(report.ShapeProblem))
            .Append("</li>");
        if (report.Numbers is { } numbers)
        {
            html.Append("<li>numbers: ").Append(numbers.Passed ? "match" : "differ")
                .Append(" (max rel error ").Append(DerivationText.Error(numbers.MaxRelativeError))
                .Append(" against central differences)</li>");
        }

        html.Append("<li>derived: <code>").Append(E(report.DerivedFormula)).Append("</code></li>");
        foreach (string difference in report.Differences)
        {
            html.Append("<li>difference: ").Append(E(difference)).Append("</li>");
        }

        if (report.Correction is not null)
        {
            html.Append("<li>corrected claim: <code>").Append(E(report.Correction)).Append("</code></li>");
        }

        html.Append("</ul><details><summary>Derivation</summary>").Append(report.Derivation.ToHtml())
            .Append("</details></div>");
        return html.ToString();
    }
}
