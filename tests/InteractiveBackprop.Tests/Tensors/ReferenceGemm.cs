namespace InteractiveBackprop.Tests.Tensors;

/// <summary>
/// The straightforward triple loop that the fast kernels are checked against, with the bound
/// on the difference that rounding allows.
/// </summary>
internal static class ReferenceGemm
{
    // The unit roundoff of double, 2⁻⁵³.
    private const double UnitRoundoff = 1.0 / (1L << 53);

    /// <summary>
    /// Computes op(A)·op(B) for A stored m×k (or k×m when <paramref name="transposeA"/>) and B
    /// stored k×n (or n×k when <paramref name="transposeB"/>), summing each dot product in
    /// order of p, and returns it with Σₚ |aᵢₚ·bₚⱼ| for each element.
    /// </summary>
    public static (double[] Product, double[] AbsoluteSum) Multiply(
        double[] a, bool transposeA, double[] b, bool transposeB, int m, int n, int k)
    {
        var product = new double[m * n];
        var absoluteSum = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = transposeA ? a[p * m + i] : a[i * k + p];
                    double y = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += x * y;
                    magnitude += Math.Abs(x * y);
                }

                product[i * n + j] = sum;
                absoluteSum[i * n + j] = magnitude;
            }
        }

        return (product, absoluteSum);
    }

    /// <summary>
    /// The largest difference that rounding allows between two ways of summing a dot product
    /// of length <paramref name="k"/>. Any order of summation, with or without fused
    /// multiply-adds, is within γₖ·Σ|xₚ·yₚ| of the exact value, where γₖ = kε/(1 − kε) and ε is
    /// the unit roundoff: the standard forward error bound of a floating-point dot product. Two
    /// such sums therefore differ by at most twice that.
    /// </summary>
    public static double Tolerance(int k, double absoluteSum)
    {
        double gamma = k * UnitRoundoff / (1 - k * UnitRoundoff);
        return 2 * gamma * absoluteSum;
    }
}
