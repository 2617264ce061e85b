using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a gradient-check report as plain text.</summary>
public static class ReportText
{
    private const int WorstShown = 3;

    /// <summary>
    /// Formats <paramref name="report"/>: the verdict and score, the mode and its cost, the
    /// tolerance rule next to the CS231n bands, then per gradient its shape, errors, band, score,
    /// the formula it should follow, the diagnosis of a failure and the worst comparisons.
    /// </summary>
    public static string Format(GradientCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("Gradient check of ").Append(report.Subject).Append(": ")
            .Append(ReportWords.Verdict(report)).Append(" (score ")
            .Append(ReportWords.Score(report.Score)).Append(")\n");
        text.Append(ReportWords.Mode(report)).Append('\n');
        if (report.Structure is not null)
        {
            text.Append("structure: ").Append(report.Structure).Append('\n');
        }

        text.Append(ReportWords.Rule(report.Options)).Append('\n');
        text.Append(ReportWords.Bands).Append('\n');
        foreach (var gradient in report.Gradients)
        {
            AppendGradient(text, gradient);
        }

        return text.ToString().TrimEnd('\n');
    }

    private static void AppendGradient(StringBuilder text, GradientResult gradient)
    {
        text.Append("  ").Append(gradient.Name.PadRight(4)).Append(' ')
            .Append(ReportWords.GradientVerdict(gradient))
            .Append("  shape ").Append(ReportWords.Shape(gradient))
            .Append("  max abs error ").Append(NumberText.FormatError(gradient.MaxAbsoluteError))
            .Append("  max rel error ").Append(NumberText.FormatError(gradient.MaxRelativeError))
            .Append(" (").Append(ErrorBands.Describe(gradient.Band)).Append(')')
            .Append("  score ").Append(ReportWords.Score(gradient.Score)).Append('\n');
        if (gradient.Formula is not null)
        {
            text.Append("       formula: ").Append(gradient.Name).Append(" = ")
                .Append(gradient.Formula).Append('\n');
        }

        if (gradient.Diagnosis is { } diagnosis)
        {
            text.Append("       diagnosis (").Append(ReportWords.Mistake(diagnosis)).Append("): ")
                .Append(diagnosis.Message).Append('\n');
        }

        string kinks = ReportWords.Kinks(gradient);
        if (kinks.Length > 0)
        {
            text.Append("       ").Append(kinks).Append('\n');
        }

        if (!gradient.Passed)
        {
            foreach (var comparison in ReportWords.Worst(gradient, WorstShown))
            {
                text.Append("       ").Append(comparison.Label).Append(": analytic ")
                    .Append(NumberText.Format(comparison.Analytic)).Append(", numeric ")
                    .Append(NumberText.Format(comparison.Numeric)).Append(", error ")
                    .Append(NumberText.FormatError(comparison.AbsoluteError))
                    .Append(comparison.Passed ? "" : " FAIL").Append('\n');
            }
        }
    }
}
