using BenchmarkDotNet.Attributes;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>Times one <see cref="TrainingStep"/> on one and on two threads.</summary>
public class TrainingStepBenchmarks
{
    private TrainingStep _step = null!;

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _step = new TrainingStep(seed: 1);

    [Benchmark]
    public double Step()
    {
        using var scope = GemmOptions.Force(GemmOptions.BestPath, Threads);
        return _step.Step();
    }
}
