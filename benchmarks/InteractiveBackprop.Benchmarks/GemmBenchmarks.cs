using BenchmarkDotNet.Attributes;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times each product with the core on one and on two threads: through the Tensor API, which
/// allocates a result tensor per call, and through the internal kernel entry into one
/// preallocated result, which shows what the allocation costs.
/// </summary>
public class GemmBenchmarks
{
    private Tensor _left = null!;
    private Tensor _right = null!;
    private GemmVariant _variant;
    private GemmCase _case = null!;
    private double[] _result = [];

    public static IEnumerable<string> Cases => GemmCase.All.Select(c => c.Name);

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var gemmCase = GemmCase.Find(Case);
        _case = gemmCase;
        _result = new double[gemmCase.M * gemmCase.N];
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

    [Benchmark]
    public double[] CoreKernel()
    {
        using var scope = GemmOptions.Force(GemmOptions.BestPath, Threads);
        Dgemm.Multiply(_left.Data, _variant == GemmVariant.TransposeLeft, _right.Data,
            _variant == GemmVariant.TransposeRight, _result, _case.M, _case.N, _case.K,
            overwrite: true);
        return _result;
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
