namespace InteractiveBackprop.Checking;

/// <summary>Estimates derivatives of a scalar loss by central differences in double.</summary>
internal static class CentralDifference
{
    /// <summary>
    /// The step for values of magnitude up to 1: 2⁻¹⁷ ≈ 7.6e-6, near ε^(1/3) ≈ 6e-6, which
    /// balances the h² truncation error of the central difference against its ε/h rounding error.
    /// </summary>
    public const double BaseStep = 1.0 / 131072;

    /// <summary>The power of two at or above max(1, |x|), so that the step grows with the value
    /// and x ± h stays exact.</summary>
    public static double Scale(double x)
    {
        double magnitude = Math.Abs(x);
        if (!(magnitude > 1) || double.IsInfinity(magnitude))
        {
            return 1;
        }

        return Math.Pow(2, Math.Ceiling(Math.Log2(magnitude)));
    }

    /// <summary>The step h of an element of value <paramref name="x"/>.</summary>
    public static double Step(double x) => BaseStep * Scale(x);

    /// <summary>
    /// Evaluates each probe of <paramref name="probes"/> on <paramref name="data"/>, which the
    /// loss reads, perturbing it in place and restoring it exactly afterwards.
    /// </summary>
    /// <param name="data">The storage of the value being differentiated.</param>
    /// <param name="probes">The elements or directions to evaluate.</param>
    /// <param name="loss">The loss at the current content of <paramref name="data"/>.</param>
    /// <param name="baseLoss">The loss at the unperturbed point, for the one-sided differences.</param>
    /// <param name="evaluations">Incremented by the number of loss evaluations.</param>
    public static NumericProbe[] Estimate(
        double[] data, ProbeSet probes, Func<double> loss, double baseLoss, ref int evaluations)
    {
        var results = new NumericProbe[probes.Count];
        var original = (double[])data.Clone();
        for (int p = 0; p < probes.Count; p++)
        {
            double step;
            double plus;
            double minus;
            try
            {
                if (probes.IsDirectional)
                {
                    step = BaseStep;
                    var direction = probes.Direction(p);
                    Perturb(data, original, direction, step);
                    plus = loss();
                    Perturb(data, original, direction, -step);
                    minus = loss();
                }
                else
                {
                    int i = probes.Position(p);
                    step = Step(original[i]);
                    data[i] = original[i] + step;
                    plus = loss();
                    data[i] = original[i] - step;
                    minus = loss();
                }
            }
            finally
            {
                original.CopyTo(data, 0);
            }

            evaluations += 2;
            results[p] = new NumericProbe(
                (plus - minus) / (2 * step), (baseLoss - minus) / step, (plus - baseLoss) / step);
        }

        return results;
    }

    private static void Perturb(double[] data, double[] original, double[] direction, double step)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = original[i] + step * direction[i];
        }
    }
}
