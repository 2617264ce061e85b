using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>The comparison of one analytic gradient, such as dW, with central differences.</summary>
/// <param name="Name">The gradient's name: <c>dX</c>, or <c>d</c> and a parameter's name.</param>
/// <param name="ExpectedShape">The shape the gradient must have: that of X or the parameter.</param>
/// <param name="ActualShape">The shape the layer produced, <see langword="null"/> when it produced
/// none.</param>
/// <param name="Analytic">The layer's gradient, <see langword="null"/> when it produced none.</param>
/// <param name="Numeric">The central-difference gradient in full mode; <see langword="null"/> in
/// the sampled and directional modes, which estimate only some elements or directions.</param>
/// <param name="Comparisons">The comparisons in the order they ran; empty when the shape is
/// wrong or the gradient is missing or not finite, because then no number is compared.</param>
/// <param name="Mode">The mode the comparisons ran in.</param>
/// <param name="Formula">The formula the gradient should follow when the layer's structure is
/// known, such as <c>Xᵀ·dY</c>; otherwise <see langword="null"/>.</param>
/// <param name="FormulaLatex">The same formula as LaTeX without delimiters, or
/// <see langword="null"/>.</param>
/// <param name="Diagnosis">Why the gradient failed, <see langword="null"/> when it
/// passed.</param>
public sealed record GradientResult(
    string Name,
    Shape ExpectedShape,
    Shape? ActualShape,
    Tensor? Analytic,
    Tensor? Numeric,
    IReadOnlyList<ProbeComparison> Comparisons,
    GradientCheckMode Mode,
    string? Formula,
    string? FormulaLatex,
    GradientDiagnosis? Diagnosis)
{
    /// <summary>Whether the gradient was compared and every comparison passed.</summary>
    public bool Passed => Diagnosis is null && Comparisons.Count > 0 &&
        Comparisons.All(comparison => comparison.Passed);

    /// <summary>The largest absolute error over the comparisons, NaN when none ran. A NaN error
    /// wins the maximum.</summary>
    public double MaxAbsoluteError => Max(comparison => comparison.AbsoluteError);

    /// <summary>The largest relative error over the comparisons, NaN when none ran.</summary>
    public double MaxRelativeError => Max(comparison => comparison.RelativeError);

    /// <summary>The CS231n band of <see cref="MaxRelativeError"/>.</summary>
    public ErrorBand Band => Comparisons.Count == 0
        ? ErrorBand.NotComparable
        : ErrorBands.Classify(MaxRelativeError);

    /// <summary>The number of comparisons that a kink lay within the step of.</summary>
    public int KinkCount => Comparisons.Count(comparison => comparison.NearKink);

    /// <summary>
    /// A grade in [0, 1]: 1 when the gradient passed, 0 when its shape is wrong or it is
    /// missing, not finite or all zero, otherwise the fraction of comparisons that passed.
    /// </summary>
    public double Score => Passed ? 1.0
        : Comparisons.Count == 0 || Diagnosis?.Mistake == GradientMistake.AllZero ? 0.0
        : (double)Comparisons.Count(comparison => comparison.Passed) / Comparisons.Count;

    /// <summary>The diagnosis message, or <see langword="null"/> when the gradient
    /// passed.</summary>
    public string? Problem => Diagnosis?.Message;

    private double Max(Func<ProbeComparison, double> error)
    {
        if (Comparisons.Count == 0)
        {
            return double.NaN;
        }

        double max = 0;
        foreach (var comparison in Comparisons)
        {
            double value = error(comparison);

            // NaN errors must win the maximum, so compare with the negated condition.
            if (!(value <= max))
            {
                max = value;
            }
        }

        return max;
    }
}
