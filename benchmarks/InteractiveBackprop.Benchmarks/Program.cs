using BenchmarkDotNet.Running;
using InteractiveBackprop.Benchmarks;

// "coldstart" and "sweep" are plain Stopwatch programs; anything else goes to BenchmarkDotNet.
return args.FirstOrDefault() switch
{
    "coldstart" => ColdStart.Run(),
    "sweep" => ThreadSweep.Run(args.Skip(1).ToArray()),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    var switcher = BenchmarkSwitcher.FromAssembly(typeof(GemmBenchmarks).Assembly);
    switcher.Run(args, new BenchmarkConfig());
    return 0;
}
