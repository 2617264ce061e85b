using System.Diagnostics;
using System.Globalization;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Measures what a result allocated per call costs, for the X·W and Xᵀ·dY products of the
/// training step on one thread. For the Tensor API and for the kernel writing into one
/// preallocated result, it prints the time, the minor page faults (from /proc/self/stat, so
/// Linux only) and the gen2 collections per call. Run it with and without
/// DOTNET_GCLOHThreshold to see the large-object heap's share.
/// </summary>
internal static class PageFaults
{
    private const int Calls = 400;

    public static int Run()
    {
        using var scope = GemmOptions.Force(GemmOptions.BestPath, maxThreads: 1);
        var x = Tensor.RandomUniform(256, 784, seed: 1);
        var w = Tensor.RandomUniform(784, 128, seed: 2);
        var dy = Tensor.RandomUniform(256, 128, seed: 3);
        var xw = new double[256 * 128];
        var xtdy = new double[784 * 128];
        Measure("XW", "core", () => x.MatMul(w));
        Measure("XW", "kernel", () => Dgemm.Multiply(
            x.Data, false, w.Data, false, xw, 256, 128, 784, overwrite: true));
        Measure("XtdY", "core", () => x.TransposeMatMul(dy));
        Measure("XtdY", "kernel", () => Dgemm.Multiply(
            x.Data, true, dy.Data, false, xtdy, 784, 128, 256, overwrite: true));
        return 0;
    }

    private static void Measure(string product, string variant, Action call)
    {
        for (int i = 0; i < Calls / 4; i++)
        {
            call();
        }

        long faults = MinorFaults();
        int collections = GC.CollectionCount(2);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }

        double milliseconds = watch.Elapsed.TotalMilliseconds / Calls;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"product\": \"{product}\", \"variant\": \"{variant}\", " +
            $"\"ms_per_call\": {milliseconds:F4}, " +
            $"\"faults_per_call\": {(MinorFaults() - faults) / (double)Calls:F1}, " +
            $"\"gen2_per_call\": {(GC.CollectionCount(2) - collections) / (double)Calls:F3}}}"));
    }

    // Field 10 of /proc/self/stat is minflt, the minor faults of the process so far.
    private static long MinorFaults()
    {
        string stat = File.ReadAllText("/proc/self/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }
}
