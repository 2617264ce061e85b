using System.Net;
using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Formats a derivation as HTML. Every formula is shown in plain Unicode, which reads in any
/// front end, with its LaTeX in the title attribute; the whole derivation's LaTeX follows in a
/// collapsed block, inside <c>$$…$$</c>, for pages that run MathJax.
/// </summary>
internal static class DerivationHtml
{
    private const string Cell = "padding:1px 8px;text-align:left;vertical-align:top;color:inherit;" +
        "background:transparent;border:none";

    private const string Rule = "opacity:0.7;font-family:sans-serif;font-size:smaller";

    public static string Format(Derivation derivation, NumericCheckResult? numbers)
    {
        var html = new StringBuilder("<div class=\"ib-derivation\" style=\"color:inherit\">");
        if (derivation.Program.Declarations.Inferred.Count > 0)
        {
            html.Append("<div style=\"").Append(Rule).Append("\">")
                .Append(Encode(DerivationText.InferredNote(derivation))).Append("</div>");
        }

        html.Append("<div><strong>Forward</strong></div><table style=\"border-collapse:collapse;" +
            "font-family:monospace;color:inherit;background:transparent\">");
        foreach (var statement in derivation.Program.Statements)
        {
            Row(html, statement.Name, statement.Value, MathText.Shape(statement.Shape, false));
        }

        html.Append("</table>");
        foreach (var section in derivation.Sections)
        {
            html.Append("<div style=\"margin-top:6px\"><strong>").Append(Encode(section.Title))
                .Append("</strong></div><table style=\"border-collapse:collapse;font-family:monospace;" +
                "color:inherit;background:transparent\">");
            foreach (var line in section.Lines)
            {
                string left = line.Left is null ? "" : MathText.Plain(line.Left);
                html.Append("<tr><td style=\"").Append(Cell).Append(";text-align:right\">")
                    .Append(Encode(left)).Append("</td><td style=\"").Append(Cell).Append("\" title=\"")
                    .Append(Encode(MathText.Terms(line.Right, true))).Append("\">= ")
                    .Append(Encode(MathText.Terms(line.Right, false))).Append("</td><td style=\"")
                    .Append(Cell).Append(';').Append(Rule).Append("\">").Append(Encode(line.Rule))
                    .Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<div style=\"margin-top:6px\"><strong>")
            .Append(Encode(DerivationText.GradientsHeading)).Append("</strong></div>")
            .Append("<table style=\"border-collapse:collapse;font-family:monospace;color:inherit;" +
            "background:transparent\"><tr><th style=\"").Append(Cell).Append("\">gradient</th><th style=\"")
            .Append(Cell).Append("\">formula</th><th style=\"").Append(Cell).Append("\">shape</th>");
        if (numbers is not null)
        {
            html.Append("<th style=\"").Append(Cell).Append("\">max rel error</th><th style=\"")
                .Append(Cell).Append("\">verdict</th>");
        }

        html.Append("</tr>");
        foreach (var gradient in derivation.Gradients.Where(g => !g.IsIntermediate))
        {
            var comparison = numbers?.Comparisons.FirstOrDefault(c => c.Name == "d" + gradient.Name);
            html.Append("<tr><td style=\"").Append(Cell).Append("\">d").Append(Encode(gradient.Name))
                .Append("</td><td style=\"").Append(Cell).Append("\" title=\"")
                .Append(Encode(gradient.Formula is null ? "0" : MathText.Latex(gradient.Formula))).Append("\">")
                .Append(Encode(gradient.Formula is null ? "0" : MathText.Plain(gradient.Formula)))
                .Append("</td><td style=\"").Append(Cell).Append("\">")
                .Append(Encode(MathText.Shape(gradient.Shape, false))).Append("</td>");
            if (numbers is not null)
            {
                html.Append("<td style=\"").Append(Cell).Append("\">")
                    .Append(comparison is null ? "" : DerivationText.Error(comparison.MaxRelativeError))
                    .Append("</td><td style=\"").Append(Cell).Append("\">")
                    .Append(comparison is null ? "not checked" : Verdict(comparison.Passed)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
        if (numbers is not null)
        {
            string sizes = DerivationText.SizesText(numbers);
            html.Append("<div style=\"").Append(Rule).Append("\">Checked against central differences " +
                "on a random instance, seed ").Append(numbers.Seed)
                .Append(sizes.Length == 0 ? "" : ", " + Encode(sizes))
                .Append("; an element passes when |derived − numeric| ≤ 1e-8·max(1, |L|) + ")
                .Append("1e-6·|numeric|.</div>");
        }

        html.Append("<details><summary>C#</summary><pre>").Append(Encode(derivation.ToCSharp()))
            .Append("</pre></details>");
        html.Append("<details><summary>LaTeX</summary><pre>").Append(Encode(derivation.ToLatex()))
            .Append("</pre></details></div>");
        return html.ToString();
    }

    public static string Verdict(bool passed) => passed
        ? "<span style=\"color:#2e9e4f;font-weight:bold\">pass</span>"
        : "<span style=\"color:#d64545;font-weight:bold\">FAIL</span>";

    private static void Row(StringBuilder html, string name, Expression value, string shape)
    {
        html.Append("<tr><td style=\"").Append(Cell).Append(";text-align:right\">").Append(Encode(name))
            .Append("</td><td style=\"").Append(Cell).Append("\" title=\"").Append(Encode(MathText.Latex(value)))
            .Append("\">= ").Append(Encode(MathText.Plain(value))).Append("</td><td style=\"")
            .Append(Cell).Append("\">").Append(Encode(shape)).Append("</td></tr>");
    }

    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
