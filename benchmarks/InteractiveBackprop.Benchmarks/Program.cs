using BenchmarkDotNet.Running;
using InteractiveBackprop.Benchmarks;

// "coldstart", "peak", "faults" and "sweep" are plain Stopwatch programs. Anything else goes
// to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "coldstart" => ColdStart.Run(args.Skip(1).ToArray()),
    "peak" => PeakFlops.Run(),
    "faults" => PageFaults.Run(),
    "sweep" => ThreadSweep.Run(args.Skip(1).ToArray()),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var switcher = BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly);
    switcher.Run(args, new BenchmarkConfig());
    return 0;
}
