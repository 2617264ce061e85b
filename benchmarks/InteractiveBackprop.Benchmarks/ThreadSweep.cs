using System.Diagnostics;
using System.Globalization;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times square products C = A·B on one and two threads for each path, the best of several
/// runs, to find the size from which the second thread pays (<see cref="Dgemm.ParallelThreshold"/>).
/// </summary>
internal static class ThreadSweep
{
    public static int Run(string[] args)
    {
        int[] sizes = args.Length > 0
            ? args.Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray()
            : [16, 24, 32, 48, 64, 96, 128, 256, 512, 1024];
        Console.WriteLine("path       n  GFLOP/s(1)  GFLOP/s(2)  speed-up");
        foreach (var path in Enum.GetValues<GemmPath>().Where(GemmOptions.IsSupported))
        {
            foreach (int n in sizes)
            {
                double one = Measure(path, n, 1);
                double two = Measure(path, n, 2);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path,-9} {n,5} {one,11:F2} {two,11:F2} {two / one,9:F2}"));
            }
        }

        return 0;
    }

    private static double Measure(GemmPath path, int n, int threads)
    {
        var a = Tensor.RandomUniform(n, n, seed: 1);
        var b = Tensor.RandomUniform(n, n, seed: 2);
        using var scope = GemmOptions.Force(path, threads);
        double flops = 2.0 * n * n * n;
        int repeats = (int)Math.Clamp(2e8 / flops, 1, 200_000);
        double best = double.MaxValue;
        for (int run = 0; run < 7; run++)
        {
            var watch = Stopwatch.StartNew();
            for (int r = 0; r < repeats; r++)
            {
                a.MatMul(b);
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / repeats);
        }

        return flops / best / 1e9;
    }
}
