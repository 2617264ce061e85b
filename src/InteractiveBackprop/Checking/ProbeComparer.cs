namespace InteractiveBackprop.Checking;

/// <summary>Compares an analytic gradient with central differences, probe by probe.</summary>
internal static class ProbeComparer
{
    /// <summary>
    /// The jump between the one-sided differences, relative to the gradient's scale, above
    /// which a kink lies within the step. A smooth function's sides differ by h·f'' ≈ 1e-5·f'',
    /// so 1e-3 leaves room for curvatures a hundred times the gradient's scale.
    /// </summary>
    /// <remarks>NOTE: a heuristic. A kink whose slopes differ by less than this is compared as
    /// a smooth point, and a smooth function curving faster is taken for a kink.</remarks>
    public const double KinkJumpTolerance = 1e-3;

    /// <summary>
    /// The relative slack when an analytic value near a kink is compared with the interval of
    /// the one-sided differences, whose error is of order h·f'', not h².
    /// </summary>
    public const double KinkSlack = 1e-4;

    public static List<ProbeComparison> Compare(
        ProbeSet probes, NumericProbe[] numeric, ReadOnlySpan<double> analytic,
        GradientCheckOptions options)
    {
        double scale = 0;
        foreach (var probe in numeric)
        {
            if (double.IsFinite(probe.Central))
            {
                scale = Math.Max(scale, Math.Abs(probe.Central));
            }
        }

        var comparisons = new List<ProbeComparison>(probes.Count);
        for (int p = 0; p < probes.Count; p++)
        {
            double a = probes.Project(analytic, p);
            var (label, row, column) = probes.Describe(p);
            comparisons.Add(CompareOne(label, row, column, a, numeric[p], scale, options));
        }

        return comparisons;
    }

    /// <summary>Returns whether the one-sided differences of <paramref name="probe"/> jump more
    /// than a smooth function allows at the gradient scale <paramref name="scale"/>.</summary>
    public static bool IsNearKink(NumericProbe probe, double scale)
    {
        double jump = Math.Abs(probe.Right - probe.Left);
        double size = Math.Max(Math.Max(Math.Abs(probe.Left), Math.Abs(probe.Right)), scale);
        return jump > KinkJumpTolerance * size;
    }

    private static ProbeComparison CompareOne(
        string label, int row, int column, double a, NumericProbe probe, double scale,
        GradientCheckOptions options)
    {
        double atol = options.AbsoluteTolerance;
        double n = probe.Central;
        if (probe.IsFinite && IsNearKink(probe, scale))
        {
            // Between the sides, any value is a valid subgradient, so measure the distance to
            // the interval of the one-sided differences.
            double low = Math.Min(probe.Left, probe.Right);
            double high = Math.Max(probe.Left, probe.Right);
            double side = Math.Max(Math.Abs(low), Math.Abs(high));
            double distance = double.IsNaN(a) ? double.NaN : 0;
            if (a < low)
            {
                distance = low - a;
            }
            else if (a > high)
            {
                distance = a - high;
            }

            bool inside = distance <= atol + Math.Max(options.RelativeTolerance, KinkSlack) * side;
            return new ProbeComparison(label, row, column, a, n, distance,
                Relative(distance, a, side, atol), inside, true, probe.Left, probe.Right);
        }

        double error = Math.Abs(a - n);
        bool passed = error <= atol + options.RelativeTolerance * Math.Abs(n);
        return new ProbeComparison(label, row, column, a, n, error,
            Relative(error, a, n, atol), passed, false, probe.Left, probe.Right);
    }

    // CS231n's relative error |a - n| / max(|a|, |n|), taken as 0 when both values are within
    // the absolute tolerance of zero, where the ratio of two rounding errors means nothing.
    private static double Relative(double error, double a, double n, double atol)
    {
        double size = Math.Max(Math.Abs(a), Math.Abs(n));
        if (double.IsNaN(error) || double.IsNaN(size))
        {
            return double.NaN;
        }

        return size <= atol ? 0 : error / size;
    }
}
