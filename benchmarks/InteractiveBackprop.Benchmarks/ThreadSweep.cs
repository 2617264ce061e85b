using System.Diagnostics;
using System.Globalization;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times square products C = A·B on one and two threads for each path, the best of seven runs
/// (and, for one thread, the median too), to find the size from which the second thread pays (<see cref="Dgemm.ParallelThreshold"/>):
/// <c>sweep [--cpu-time] [--no-alloc] [--path NAME] [SIZE...]</c>. With
/// <c>--cpu-time</c> the one-thread figures use the process's CPU time, which a machine busy
/// with other processes inflates less than the wall clock; <c>--no-alloc</c> writes into one
/// preallocated C through the internal kernel entry instead of allocating a tensor per call.
/// </summary>
internal static class ThreadSweep
{
    public static int Run(string[] args)
    {
        bool cpuTime = args.Contains("--cpu-time");
        bool noAlloc = args.Contains("--no-alloc");
        int pathIndex = Array.IndexOf(args, "--path");
        string? onlyPath = pathIndex >= 0 ? args[pathIndex + 1] : null;
        int[] sizes = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal)
                && (pathIndex < 0 || i != pathIndex + 1))
            .Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
        if (sizes.Length == 0)
        {
            sizes = [16, 24, 32, 48, 64, 96, 128, 256, 512, 1024];
        }

        Console.WriteLine(
            "path          n  GFLOP/s(1)  GFLOP/s(2)  speed-up  gen2 GCs  median GFLOP/s(1)");
        var paths = Enum.GetValues<GemmPath>()
            .Where(GemmOptions.IsSupported)
            .Where(p => onlyPath is null || p.ToString() == onlyPath);
        foreach (var path in paths)
        {
            foreach (int n in sizes)
            {
                var (one, oneMedian) = Measure(path, n, 1, cpuTime, noAlloc);
                var (two, _) = Measure(path, n, 2, cpuTime: false, noAlloc);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{path,-9} {n,5} {one,11:F2} {two,11:F2} {two / one,9:F2} " +
                    $"{GC.CollectionCount(2),9} {oneMedian,18:F2}"));
            }
        }

        return 0;
    }

    // Returns GFLOP/s of the fastest and of the median run.
    private static (double Best, double Median) Measure(GemmPath path, int n, int threads,
        bool cpuTime, bool noAlloc)
    {
        var a = Tensor.RandomUniform(n, n, seed: 1);
        var b = Tensor.RandomUniform(n, n, seed: 2);
        var c = new double[n * n];
        // A threshold of 0 lets two threads split even the smallest product measured.
        using var scope = GemmOptions.Force(path, threads, parallelThreshold: 0);
        double flops = 2.0 * n * n * n;
        int repeats = (int)Math.Clamp(2e8 / flops, 1, 200_000);
        var runs = new double[7];
        for (int run = 0; run < runs.Length; run++)
        {
            var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            for (int r = 0; r < repeats; r++)
            {
                if (noAlloc)
                {
                    Dgemm.Multiply(a.Data, false, b.Data, false, c, n, n, n, overwrite: true);
                }
                else
                {
                    a.MatMul(b);
                }
            }

            double seconds = cpuTime
                ? (Process.GetCurrentProcess().TotalProcessorTime - startCpu).TotalSeconds
                : watch.Elapsed.TotalSeconds;
            runs[run] = seconds / repeats;
        }

        Array.Sort(runs);
        return (flops / runs[0] / 1e9, flops / runs[runs.Length / 2] / 1e9);
    }
}
