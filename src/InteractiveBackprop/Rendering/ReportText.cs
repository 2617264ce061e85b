using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a gradient-check report as plain text, one line per gradient.</summary>
public static class ReportText
{
    /// <summary>Formats <paramref name="report"/>: a verdict line, the tolerances, and for each
    /// gradient its shape, maximum errors, verdict and problem.</summary>
    public static string Format(GradientCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("Gradient check of ").Append(report.Subject).Append(": ")
            .Append(report.Passed ? "PASSED" : "FAILED").Append('\n');
        text.Append("tolerances: rtol ")
            .Append(NumberText.FormatError(report.Options.RelativeTolerance))
            .Append(", atol ").Append(NumberText.FormatError(report.Options.AbsoluteTolerance))
            .Append(", seed ").Append(report.Options.Seed).Append('\n');
        foreach (var gradient in report.Gradients)
        {
            text.Append("  ").Append(gradient.Name.PadRight(4))
                .Append(" shape ").Append((gradient.ActualShape?.ToString() ?? "none").PadRight(8))
                .Append(" max abs error ").Append(NumberText.FormatError(gradient.MaxAbsoluteError))
                .Append(", max rel error ").Append(NumberText.FormatError(gradient.MaxRelativeError))
                .Append("  ").Append(gradient.Passed ? "pass" : "FAIL").Append('\n');
            if (gradient.Problem is not null)
            {
                text.Append("       ").Append(gradient.Problem).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }
}
