using System.Diagnostics;
using System.Globalization;
using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Measures one core's peak double-precision FMA rate: twelve independent chains of fused
/// multiply-adds on the widest vectors the hardware accelerates, with no memory traffic. No
/// GEMM can beat this figure, so it bounds what the products and the training step can reach.
/// </summary>
internal static class PeakFlops
{
    private const long Iterations = 100_000_000;

    public static int Run()
    {
        double best = 0;
        int width = Vector512.IsHardwareAccelerated ? 8 : 4;
        for (int repeat = 0; repeat < 5; repeat++)
        {
            var watch = Stopwatch.StartNew();
            double check = width == 8 ? Chains512(Iterations) : Chains256(Iterations);
            double seconds = watch.Elapsed.TotalSeconds;
            GC.KeepAlive(check);
            best = Math.Max(best, 12.0 * width * 2 * Iterations / seconds / 1e9);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"vector_width\": {width}, \"peak_gflops\": {best:F1}}}"));
        return 0;
    }

    private static double Chains512(long iterations)
    {
        var x = Vector512.Create(0.999999);
        var y = Vector512.Create(1e-9);
        Vector512<double> a0 = Vector512<double>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0,
            a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, x, y);
            a1 = Vector512.FusedMultiplyAdd(a1, x, y);
            a2 = Vector512.FusedMultiplyAdd(a2, x, y);
            a3 = Vector512.FusedMultiplyAdd(a3, x, y);
            a4 = Vector512.FusedMultiplyAdd(a4, x, y);
            a5 = Vector512.FusedMultiplyAdd(a5, x, y);
            a6 = Vector512.FusedMultiplyAdd(a6, x, y);
            a7 = Vector512.FusedMultiplyAdd(a7, x, y);
            a8 = Vector512.FusedMultiplyAdd(a8, x, y);
            a9 = Vector512.FusedMultiplyAdd(a9, x, y);
            a10 = Vector512.FusedMultiplyAdd(a10, x, y);
            a11 = Vector512.FusedMultiplyAdd(a11, x, y);
        }

        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).ToScalar();
    }

    private static double Chains256(long iterations)
    {
        var x = Vector256.Create(0.999999);
        var y = Vector256.Create(1e-9);
        Vector256<double> a0 = Vector256<double>.One, a1 = a0, a2 = a0, a3 = a0, a4 = a0,
            a5 = a0, a6 = a0, a7 = a0, a8 = a0, a9 = a0, a10 = a0, a11 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, x, y);
            a1 = Vector256.FusedMultiplyAdd(a1, x, y);
            a2 = Vector256.FusedMultiplyAdd(a2, x, y);
            a3 = Vector256.FusedMultiplyAdd(a3, x, y);
            a4 = Vector256.FusedMultiplyAdd(a4, x, y);
            a5 = Vector256.FusedMultiplyAdd(a5, x, y);
            a6 = Vector256.FusedMultiplyAdd(a6, x, y);
            a7 = Vector256.FusedMultiplyAdd(a7, x, y);
            a8 = Vector256.FusedMultiplyAdd(a8, x, y);
            a9 = Vector256.FusedMultiplyAdd(a9, x, y);
            a10 = Vector256.FusedMultiplyAdd(a10, x, y);
            a11 = Vector256.FusedMultiplyAdd(a11, x, y);
        }

        return (a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11).ToScalar();
    }
}
