using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tests.Tensors;

public class GemmTests
{
    // Every tail of every kernel: MR is 4, 6 or 8 and NR is 4, 8 or 16, so m runs through all
    // residues mod 24 and n through all residues mod 16, each also above one tile.
    private static readonly int[] s_rows =
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 48, 67];
    private static readonly int[] s_columns =
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 33, 64, 67];
    private static readonly int[] s_depths = [1, 2, 3, 5, 8, 17, 64, 67];

    // A·B, Aᵀ·B and A·Bᵀ, as (transposeA, transposeB).
    private static readonly (bool, bool)[] s_variants =
        [(false, false), (true, false), (false, true)];

    // Block edges: mc = 144 rows, kc = 384 deep and nc = 4096 columns, each just below, at and
    // above, and the long thin shapes of a row or column vector.
    public static TheoryData<int, int, int> BlockEdges => new()
    {
        { 143, 5, 3 }, { 144, 17, 9 }, { 145, 16, 7 }, { 289, 3, 2 },
        { 5, 9, 383 }, { 13, 16, 384 }, { 12, 17, 385 }, { 7, 5, 769 },
        { 3, 4095, 2 }, { 2, 4096, 3 }, { 5, 4097, 2 },
        { 145, 33, 385 },
        { 1, 1, 1000 }, { 1000, 1000, 1 }, { 1, 1000, 1 }, { 1000, 1, 1 },
        { 1, 1000, 1000 }, { 1000, 1, 1000 },
    };

    public static TheoryData<int> ThreadCounts => new() { 1, 2 };

    // BlockEdges is written for these block sizes; a change to them must move the edges too.
    [Fact]
    public void BlockEdgesMatchDriverBlockSizes()
    {
        Assert.Equal(144, GemmDriver<ScalarKernel>.RowBlock);
        Assert.Equal(384, GemmDriver<ScalarKernel>.DepthBlock);
        Assert.Equal(4096, GemmDriver<ScalarKernel>.ColumnBlock);
    }

    [GemmPathTheory(GemmPath.Scalar)]
    [MemberData(nameof(ThreadCounts))]
    public void ScalarPathMatchesReferenceOnSweep(int threads) =>
        CheckSweep(GemmPath.Scalar, threads);

    [GemmPathTheory(GemmPath.Vector256)]
    [MemberData(nameof(ThreadCounts))]
    public void Vector256PathMatchesReferenceOnSweep(int threads) =>
        CheckSweep(GemmPath.Vector256, threads);

    [GemmPathTheory(GemmPath.Vector512)]
    [MemberData(nameof(ThreadCounts))]
    public void Vector512PathMatchesReferenceOnSweep(int threads) =>
        CheckSweep(GemmPath.Vector512, threads);

    [Theory]
    [MemberData(nameof(BlockEdges))]
    public void EveryPathMatchesReferenceAtBlockEdges(int m, int n, int k)
    {
        foreach (var path in SupportedPaths())
        {
            foreach (int threads in new[] { 1, 2 })
            {
                using var scope = GemmOptions.Force(path, threads, parallelThreshold: 0);
                string setting = $"{path}, {threads} threads";
                CheckAllVariants(m, n, k, seed: m * 31 + n * 7 + k, overwrite: true, setting);
                CheckAllVariants(m, n, k, seed: m * 31 + n * 7 + k, overwrite: false, setting);
            }
        }
    }

    [Theory]
    [MemberData(nameof(ThreadCounts))]
    public void RepeatedProductAllocatesOnlyResult(int threads)
    {
        // 96³ is below the default threshold, so a threshold of 0 makes two threads split it.
        using var scope = GemmOptions.Force(GemmOptions.BestPath, threads, parallelThreshold: 0);
        var a = Tensor.RandomUniform(96, 96, seed: 1);
        var b = Tensor.RandomUniform(96, 96, seed: 2);
        a.MatMul(b);
        a.TransposeMatMul(b);
        a.MatMulTranspose(b);

        long before = GC.GetAllocatedBytesForCurrentThread();
        a.MatMul(b);
        a.TransposeMatMul(b);
        a.MatMulTranspose(b);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Three results of 96·96 doubles, plus an array header and a Tensor object for each.
        const int ObjectOverhead = 128;
        Assert.InRange(allocated, 3 * 96 * 96 * sizeof(double),
            3 * (96 * 96 * sizeof(double) + ObjectOverhead));
    }

    [Fact]
    public void ForcingUnsupportedPathThrows()
    {
        var missing = Enum.GetValues<GemmPath>().Where(p => !GemmOptions.IsSupported(p)).ToList();
        foreach (var path in missing)
        {
            var error = Assert.Throws<PlatformNotSupportedException>(
                () => GemmOptions.Force(path, 1));
            Assert.Equal(
                $"GEMM: the {path} path needs hardware acceleration that this process lacks.",
                error.Message);
        }

        Assert.True(GemmOptions.IsSupported(GemmPath.Scalar));
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmOptions.Force(GemmPath.Scalar, 0));
    }

    [Fact]
    public void ForcedOptionsRestoredOnDispose()
    {
        var before = GemmOptions.Current;
        using (GemmOptions.Force(GemmPath.Scalar, 1, parallelThreshold: 5))
        {
            Assert.Equal(new GemmOptions(GemmPath.Scalar, 1, 5), GemmOptions.Current);
        }

        Assert.Equal(before, GemmOptions.Current);
    }

    private static void CheckSweep(GemmPath path, int threads)
    {
        using var scope = GemmOptions.Force(path, threads, parallelThreshold: 0);
        foreach (int m in s_rows)
        {
            foreach (int n in s_columns)
            {
                foreach (int k in s_depths)
                {
                    CheckAllVariants(m, n, k, seed: m * 10_000 + n * 100 + k, overwrite: true,
                        $"{path}, {threads} threads");
                }
            }
        }
    }

    // Overwriting starts from a C full of NaN, so an element that the kernel skips stays NaN.
    // Adding starts from random values, which the product must be added to.
    private static void CheckAllVariants(int m, int n, int k, int seed, bool overwrite,
        string setting)
    {
        var a = Random(m * k, seed);
        var b = Random(k * n, seed + 1);
        var start = overwrite
            ? Enumerable.Repeat(double.NaN, m * n).ToArray()
            : Random(m * n, seed + 2);
        foreach (var (transposeA, transposeB) in s_variants)
        {
            var c = (double[])start.Clone();
            Dgemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, overwrite);
            var (product, magnitude) =
                ReferenceGemm.Multiply(a, transposeA, b, transposeB, m, n, k);
            for (int i = 0; i < c.Length; i++)
            {
                double expected = overwrite ? product[i] : start[i] + product[i];
                double bound = overwrite
                    ? ReferenceGemm.Tolerance(k, magnitude[i])
                    : ReferenceGemm.Tolerance(k + 1, magnitude[i] + Math.Abs(start[i]));
                if (!(Math.Abs(c[i] - expected) <= bound))
                {
                    Assert.Fail($"{setting}, {Variant(transposeA, transposeB)} with m={m}, " +
                        $"n={n}, k={k}, {(overwrite ? "overwriting" : "adding")}: element " +
                        $"({i / n},{i % n}) is {c[i]:R}, expected {expected:R}.");
                }
            }
        }
    }

    private static string Variant(bool transposeA, bool transposeB) => (transposeA, transposeB) switch
    {
        (true, _) => "Aᵀ·B",
        (_, true) => "A·Bᵀ",
        _ => "A·B",
    };

    private static IEnumerable<GemmPath> SupportedPaths() =>
        Enum.GetValues<GemmPath>().Where(GemmOptions.IsSupported);

    private static double[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = random.NextDouble() * 2 - 1;
        }

        return values;
    }
}
