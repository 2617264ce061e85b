using System.Globalization;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>The sentences that the plain-text, HTML and LaTeX reports share, so that they word a
/// check alike.</summary>
internal static class ReportWords
{
    public const string Bands = "CS231n bands of the max relative error: over 1e-2 wrong, " +
        "1e-4 to 1e-2 suspicious unless a kink is near, 1e-7 to 1e-4 fine with kinks but too " +
        "high without, under 1e-7 good.";

    public static string Verdict(GradientCheckReport report) =>
        report.Passed ? "PASSED" : "FAILED";

    public static string Score(double score) =>
        score.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Rule(GradientCheckOptions options) =>
        $"An element passes when |analytic - numeric| ≤ atol + rtol·|numeric|, with rtol " +
        $"{NumberText.FormatError(options.RelativeTolerance)} and atol " +
        $"{NumberText.FormatError(options.AbsoluteTolerance)}.";

    public static string Mode(GradientCheckReport report)
    {
        string mode = report.Mode switch
        {
            GradientCheckMode.Sampled =>
                $"sampled mode ({report.Options.Samples} random elements per gradient)",
            GradientCheckMode.Directional =>
                $"directional mode ({report.Options.Samples} random directions u per gradient, " +
                "comparing ⟨gradient, u⟩ = vᵀ·J·u)",
            _ => "full mode (every element)",
        };
        return string.Create(CultureInfo.InvariantCulture,
            $"{mode}, {report.LossEvaluations} loss evaluations, seed {report.Options.Seed}");
    }

    public static string Loss(GradientCheckReport report) => report.Kind switch
    {
        CheckKind.Layer => "L = Σ dY ⊙ Y for a seeded random dY, so each gradient is the " +
            "vector-Jacobian product Backward(dY) computes",
        CheckKind.LossHead => "L is the loss head's own loss of the prediction Y",
        _ => "L is the checked function",
    };

    public static string Shape(GradientResult gradient) => gradient.ActualShape switch
    {
        null => $"none (expected {gradient.ExpectedShape})",
        var actual when actual == gradient.ExpectedShape => actual.Value.ToString(),
        var actual => $"{actual} (expected {gradient.ExpectedShape})",
    };

    public static string GradientVerdict(GradientResult gradient) =>
        gradient.Passed ? "pass" : "FAIL";

    public static string Mistake(GradientDiagnosis diagnosis) =>
        diagnosis.FactorName is null
            ? diagnosis.Mistake.ToString()
            : $"{diagnosis.Mistake}, factor {diagnosis.FactorName}";

    public static string Kinks(GradientResult gradient)
    {
        var labels = gradient.Comparisons
            .Where(comparison => comparison.NearKink)
            .Select(comparison => comparison.Label)
            .ToList();
        string listed = string.Join(", ", labels.Take(5)) + (labels.Count > 5 ? ", …" : "");
        return labels.Count switch
        {
            0 => "",
            1 => $"1 comparison ({listed}) lies within the step of a kink and was compared " +
                "with the one-sided differences.",
            int count => $"{count} comparisons ({listed}) lie within the step of a kink and were " +
                "compared with the one-sided differences.",
        };
    }

    /// <summary>The comparisons with the largest absolute errors, failures first.</summary>
    public static IEnumerable<ProbeComparison> Worst(GradientResult gradient, int count) =>
        gradient.Comparisons
            .OrderBy(comparison => comparison.Passed)
            .ThenByDescending(comparison =>
                double.IsNaN(comparison.AbsoluteError) ? double.MaxValue : comparison.AbsoluteError)
            .Take(count);
}
