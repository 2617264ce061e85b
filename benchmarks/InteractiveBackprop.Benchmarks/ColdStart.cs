using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times the first matrix product of a fresh process, the 256×784 by 784×128 product of the
/// training step, which includes compiling the kernels and starting the worker threads. The
/// process's CPU time over the call is printed too, because on a machine shared with other
/// processes the wall clock also counts the time spent waiting for a core. The JIT's compile
/// time and method count over the call come from <see cref="JitInfo"/>, all threads. With
/// <c>--no-warm-up</c> the core's background warm-up (GemmWarmUp) is switched off, so the call
/// itself pays for all the compiling.
/// </summary>
internal static class ColdStart
{
    public static int Run(string[] args)
    {
        var unknown = args.Where(arg => arg != "--no-warm-up").ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"coldstart: unknown argument '{unknown[0]}'. The only " +
                "option is --no-warm-up.");
            return 2;
        }

        if (args.Contains("--no-warm-up"))
        {
            AppContext.SetSwitch(GemmWarmUp.DisableSwitch, true);
        }

        var x = Tensor.RandomUniform(256, 784, seed: 1);
        var w = Tensor.RandomUniform(784, 128, seed: 2);
        var startCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var startJit = JitInfo.GetCompilationTime();
        long startMethods = JitInfo.GetCompiledMethodCount();
        var watch = Stopwatch.StartNew();
        var first = x.MatMul(w);
        double firstMs = watch.Elapsed.TotalMilliseconds;
        double firstCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - startCpu)
            .TotalMilliseconds;
        double jitMs = (JitInfo.GetCompilationTime() - startJit).TotalMilliseconds;
        long jitMethods = JitInfo.GetCompiledMethodCount() - startMethods;
        watch.Restart();
        var second = x.MatMul(w);
        double secondMs = watch.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{{\"first_ms\": {firstMs:F3}, \"first_cpu_ms\": {firstCpuMs:F3}, " +
            $"\"second_ms\": {secondMs:F3}, \"jit_ms\": {jitMs:F3}, " +
            $"\"jit_methods\": {jitMethods}, " +
            $"\"check\": {first[0, 0] - second[0, 0]:R}}}"));
        return 0;
    }
}
