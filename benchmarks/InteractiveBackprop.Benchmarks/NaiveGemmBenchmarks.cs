using BenchmarkDotNet.Attributes;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// Times the textbook loops on one thread: i-k-j for A·B and k-i-j for Aᵀ·B, so that the
/// innermost loop runs along rows of B and C, and i-j-k dot products of rows for A·Bᵀ. The
/// 2048 case is left out because one call takes about ten seconds on the machine the results
/// page describes.
/// </summary>
public class NaiveGemmBenchmarks
{
    private double[] _left = [];
    private double[] _right = [];
    private GemmCase _case = null!;

    public static IEnumerable<string> Cases =>
        GemmCase.All.Where(c => c.Name != "2048").Select(c => c.Name);

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _case = GemmCase.Find(Case);
        _left = Tensors.Tensor.RandomUniform(_case.M, _case.K, seed: 1).Span.ToArray();
        _right = Tensors.Tensor.RandomUniform(_case.K, _case.N, seed: 2).Span.ToArray();
    }

    [Benchmark]
    public double[] Naive()
    {
        int m = _case.M, n = _case.N, k = _case.K;
        var a = _left;
        var b = _right;
        var c = new double[m * n];
        switch (_case.Variant)
        {
            case GemmVariant.TransposeLeft:
                for (int p = 0; p < k; p++)
                {
                    for (int i = 0; i < m; i++)
                    {
                        double x = a[p * m + i];
                        for (int j = 0; j < n; j++)
                        {
                            c[i * n + j] += x * b[p * n + j];
                        }
                    }
                }

                break;
            case GemmVariant.TransposeRight:
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double sum = 0;
                        for (int p = 0; p < k; p++)
                        {
                            sum += a[i * k + p] * b[j * k + p];
                        }

                        c[i * n + j] = sum;
                    }
                }

                break;
            default:
                for (int i = 0; i < m; i++)
                {
                    for (int p = 0; p < k; p++)
                    {
                        double x = a[i * k + p];
                        for (int j = 0; j < n; j++)
                        {
                            c[i * n + j] += x * b[p * n + j];
                        }
                    }
                }

                break;
        }

        return c;
    }
}
