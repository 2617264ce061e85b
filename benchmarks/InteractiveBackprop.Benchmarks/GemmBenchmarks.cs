using BenchmarkDotNet.Attributes;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times each product with the core's Tensor API on one and on two threads. Each call allocates
/// its result tensor, as the Tensor API does.
/// </summary>
public class GemmBenchmarks
{
    private Tensor _left = null!;
    private Tensor _right = null!;
    private GemmVariant _variant;

    public static IEnumerable<string> Cases => GemmCase.All.Select(c => c.Name);

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var gemmCase = GemmCase.Find(Case);
        _variant = gemmCase.Variant;
        var (leftShape, rightShape) = OperandShapes(gemmCase);
        _left = Tensor.RandomUniform(leftShape.Rows, leftShape.Columns, seed: 1);
        _right = Tensor.RandomUniform(rightShape.Rows, rightShape.Columns, seed: 2);
    }

    [Benchmark]
    public Tensor Core()
    {
        using var scope = GemmOptions.Force(GemmOptions.BestPath, Threads);
        return _variant switch
        {
            GemmVariant.TransposeLeft => _left.TransposeMatMul(_right),
            GemmVariant.TransposeRight => _left.MatMulTranspose(_right),
            _ => _left.MatMul(_right),
        };
    }

    /// <summary>The stored shapes of A and B; a transposed operand is stored as its transpose.
    /// </summary>
    internal static (Shape Left, Shape Right) OperandShapes(GemmCase c) => c.Variant switch
    {
        GemmVariant.TransposeLeft => (new Shape(c.K, c.M), new Shape(c.K, c.N)),
        GemmVariant.TransposeRight => (new Shape(c.M, c.K), new Shape(c.N, c.K)),
        _ => (new Shape(c.M, c.K), new Shape(c.K, c.N)),
    };
}
