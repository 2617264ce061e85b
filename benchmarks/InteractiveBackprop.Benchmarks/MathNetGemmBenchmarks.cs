using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra.Double;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times each product with Math.NET Numerics 5.0.0's managed provider on one and on two
/// threads, writing into a preallocated result. The 2048 case is left out because one call
/// takes over 30 seconds on the machine the results page describes.
/// </summary>
public class MathNetGemmBenchmarks
{
    private DenseMatrix _left = null!;
    private DenseMatrix _right = null!;
    private DenseMatrix _result = null!;
    private GemmVariant _variant;

    public static IEnumerable<string> Cases =>
        GemmCase.All.Where(c => c.Name != "2048").Select(c => c.Name);

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var gemmCase = GemmCase.Find(Case);
        _variant = gemmCase.Variant;
        var (leftShape, rightShape) = GemmBenchmarks.OperandShapes(gemmCase);
        _left = DenseMatrix.OfArray(
            Tensors.Tensor.RandomUniform(leftShape.Rows, leftShape.Columns, seed: 1).ToArray());
        _right = DenseMatrix.OfArray(
            Tensors.Tensor.RandomUniform(rightShape.Rows, rightShape.Columns, seed: 2).ToArray());
        _result = new DenseMatrix(gemmCase.M, gemmCase.N);
        Control.UseManaged();
        Control.MaxDegreeOfParallelism = Threads;
    }

    [Benchmark]
    public DenseMatrix MathNet()
    {
        switch (_variant)
        {
            case GemmVariant.TransposeLeft:
                _left.TransposeThisAndMultiply(_right, _result);
                break;
            case GemmVariant.TransposeRight:
                _left.TransposeAndMultiply(_right, _result);
                break;
            default:
                _left.Multiply(_right, _result);
                break;
        }

        return _result;
    }
}
