namespace InteractiveBackprop.Benchmarks;

public class GemmBenchmarks
{
}
