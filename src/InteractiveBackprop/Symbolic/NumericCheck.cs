using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Symbolic;

/// <summary>Evaluates derived gradients and compares them with central differences.</summary>
internal static class NumericCheck
{
    public static NumericCheckResult Run(
        TypedProgram program, IReadOnlyList<GradientFormula> gradients, int seed)
    {
        var instance = NumericInstance.Create(program, seed);
        var evaluator = instance.Evaluator;
        double scale = Math.Max(1.0, Math.Abs(instance.Loss()));
        var comparisons = new List<GradientComparison>();
        foreach (var gradient in gradients.Where(g => g.Formula is not null))
        {
            var analytic = evaluator.Evaluate(gradient.Formula!);
            if (gradient.IsIntermediate)
            {
                evaluator.Gradients[gradient.Name] = analytic;
                continue;
            }

            var numeric = instance.CentralDifferences(gradient.Name);
            comparisons.Add(Compare("d" + gradient.Name, MathText.Plain(gradient.Formula!), analytic,
                numeric, scale));
        }

        return new NumericCheckResult(seed, evaluator.Sizes, comparisons);
    }

    /// <summary>Evaluates the intermediate gradients of <paramref name="gradients"/> into the
    /// instance, so that later formulas may use G_V.</summary>
    public static void EvaluateIntermediates(NumericInstance instance, IReadOnlyList<GradientFormula> gradients)
    {
        foreach (var gradient in gradients.Where(g => g.IsIntermediate && g.Formula is not null))
        {
            instance.Evaluator.Gradients[gradient.Name] = instance.Evaluator.Evaluate(gradient.Formula!);
        }
    }

    /// <summary>
    /// Compares element by element; an element passes when |analytic - numeric| ≤
    /// atol·<paramref name="lossScale"/> + rtol·|numeric|. The rounding error of a central
    /// difference grows with |L| (about ε·|L|/h ≈ 3e-11·|L| for the step used), so the absolute
    /// floor scales with max(1, |L|).
    /// </summary>
    public static GradientComparison Compare(
        string name, string formula, Tensor analytic, Tensor numeric, double lossScale = 1.0)
    {
        if (analytic.Shape != numeric.Shape)
        {
            return new GradientComparison(name, formula, analytic, numeric, double.NaN, double.NaN, false);
        }

        double maxAbsolute = 0;
        double maxRelative = 0;
        bool passed = true;
        var a = analytic.Span;
        var n = numeric.Span;
        for (int i = 0; i < a.Length; i++)
        {
            double error = Math.Abs(a[i] - n[i]);
            double scale = Math.Max(Math.Abs(a[i]), Math.Abs(n[i]));
            double relative = scale == 0 ? 0 : error / scale;
            passed &= error <= NumericCheckResult.AbsoluteTolerance * lossScale +
                NumericCheckResult.RelativeTolerance * Math.Abs(n[i]);

            // NaN errors must win the maximum, so compare with the negated condition.
            if (!(error <= maxAbsolute))
            {
                maxAbsolute = error;
            }

            if (!(relative <= maxRelative))
            {
                maxRelative = relative;
            }
        }

        return new GradientComparison(name, formula, analytic, numeric, maxAbsolute, maxRelative, passed);
    }
}
