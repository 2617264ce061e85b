using BenchmarkDotNet.Attributes;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Double;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times each product with the core's Tensor API and with Math.NET Numerics' managed provider,
/// on one and on two threads. Math.NET writes into a preallocated result, and the core
/// allocates a result tensor per call, as its Tensor API does.
/// </summary>
public class GemmBenchmarks
{
    private Tensor _left = null!;
    private Tensor _right = null!;
    private DenseMatrix _mathNetLeft = null!;
    private DenseMatrix _mathNetRight = null!;
    private DenseMatrix _mathNetResult = null!;
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
        _mathNetLeft = DenseMatrix.OfArray(_left.ToArray());
        _mathNetRight = DenseMatrix.OfArray(_right.ToArray());
        _mathNetResult = new DenseMatrix(gemmCase.M, gemmCase.N);
        Control.UseManaged();
        Control.MaxDegreeOfParallelism = Threads;
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
    public DenseMatrix MathNet()
    {
        switch (_variant)
        {
            case GemmVariant.TransposeLeft:
                _mathNetLeft.TransposeThisAndMultiply(_mathNetRight, _mathNetResult);
                break;
            case GemmVariant.TransposeRight:
                _mathNetLeft.TransposeAndMultiply(_mathNetRight, _mathNetResult);
                break;
            default:
                _mathNetLeft.Multiply(_mathNetRight, _mathNetResult);
                break;
        }

        return _mathNetResult;
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
