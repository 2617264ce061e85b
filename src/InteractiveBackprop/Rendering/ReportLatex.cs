using System.Globalization;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>
/// Renders the formulas of a gradient-check report as LaTeX display math. It shows the loss
/// that was differentiated, the central difference and its step, the pass rule with its
/// tolerances, and per gradient the formula it should follow or the relation the diagnosis found.
/// </summary>
public static class ReportLatex
{
    /// <summary>Formats <paramref name="report"/> as <c>$$\begin{aligned}…\end{aligned}$$</c>,
    /// the form notebook front ends typeset.</summary>
    public static string Format(GradientCheckReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var lines = new List<string>
        {
            report.Kind switch
            {
                CheckKind.Layer => @"L &= \textstyle\sum_{i,j} R_{ij}\,Y_{ij}, \quad " +
                    @"\frac{\partial L}{\partial Y} = R",
                CheckKind.LossHead => @"L &= \mathrm{loss}(Y, T)",
                _ => @"L &= f(\ldots)",
            },
            report.Mode == GradientCheckMode.Directional
                ? @"\frac{\partial L}{\partial x}^{\!\top} u &\approx " +
                    @"\frac{L(x + h u) - L(x - h u)}{2h}"
                : @"\frac{\partial L}{\partial x} &\approx \frac{L(x + h) - L(x - h)}{2h}, \quad " +
                    @"h = 2^{-17} \cdot 2^{\lceil \log_2 \max(1, |x|) \rceil}",
            $@"\text{{pass}} &\iff |a - n| \le {Number(report.Options.AbsoluteTolerance)} + " +
                $@"{Number(report.Options.RelativeTolerance)}\,|n|",
        };
        foreach (var gradient in report.Gradients)
        {
            lines.Add(Line(gradient));
        }

        return @"$$\begin{aligned}" + string.Join(@" \\ ", lines) + @"\end{aligned}$$";
    }

    private static string Line(GradientResult gradient)
    {
        string name = $@"\texttt{{{gradient.Name}}}";
        string verdict = gradient.Passed
            ? $@"\text{{pass, max rel. error }} {Number(gradient.MaxRelativeError)}"
            : @"\text{FAIL}";
        if (gradient.Diagnosis is { } diagnosis)
        {
            return $@"\text{{{gradient.Name}:}}\ & {diagnosis.Latex} \quad ({verdict})";
        }

        string value = gradient.Name.Length > 1 ? gradient.Name[1..] : gradient.Name;
        string formula = gradient.FormulaLatex ?? $@"\frac{{\partial L}}{{\partial {value}}}";
        return $@"\text{{{gradient.Name}:}}\ & {name} = {formula} \quad ({verdict})";
    }

    private static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return @"\text{n/a}";
        }

        if (value == 0)
        {
            return "0";
        }

        string text = value.ToString("0.0e+0", CultureInfo.InvariantCulture);
        int e = text.IndexOf('e', StringComparison.Ordinal);
        string mantissa = text[..e];
        int exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        return mantissa == "1.0" ? $"10^{{{exponent}}}" : $@"{mantissa} \times 10^{{{exponent}}}";
    }
}
