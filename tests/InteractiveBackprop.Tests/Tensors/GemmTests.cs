using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tests.Tensors;

public class GemmTests
{
    // Every tail of every kernel: MR is 4, 6 or 12 and NR is 4, 8 or 16, so m runs through all
    // residues mod 12 and n through all residues mod 16, each also above one tile.
    private static readonly int[] s_rows = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 25, 48, 67];
    private static readonly int[] s_columns =
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 33, 64, 67];
    private static readonly int[] s_depths = [1, 2, 3, 5, 8, 17, 64, 67];

    // Block edges: mc = 120 rows, kc = 256 deep and nc = 4096 columns, each just below, at and
    // above, and the long thin shapes of a row or column vector.
    public static TheoryData<int, int, int> BlockEdges => new()
    {
        { 119, 5, 3 }, { 120, 17, 9 }, { 121, 16, 7 }, { 241, 3, 2 },
        { 5, 9, 255 }, { 13, 16, 256 }, { 12, 17, 257 }, { 7, 5, 513 },
        { 3, 4095, 2 }, { 2, 4096, 3 }, { 5, 4097, 2 },
        { 121, 33, 257 },
        { 1, 1, 1000 }, { 1000, 1000, 1 }, { 1, 1000, 1 }, { 1000, 1, 1 },
        { 1, 1000, 1000 }, { 1000, 1, 1000 },
    };

    public static TheoryData<int> ThreadCounts => new() { 1, 2 };

    [GemmPathTheory(GemmPath.Scalar)]
    [MemberData(nameof(ThreadCounts))]
    public void ScalarPathMatchesReferenceOnSweep(int threads) => CheckSweep(GemmPath.Scalar, threads);

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
                CheckAllVariants(m, n, k, seed: m * 31 + n * 7 + k, $"{path}, {threads} threads");
            }
        }
    }

    [Fact]
    public void ProductAddsToExistingValues()
    {
        foreach (var path in SupportedPaths())
        {
            using var scope = GemmOptions.Force(path, 1);
            var a = Random(5 * 3, seed: 1);
            var b = Random(3 * 7, seed: 2);
            var c = Random(5 * 7, seed: 3);
            var start = (double[])c.Clone();
            var (product, magnitude) = ReferenceGemm.Multiply(a, false, b, false, 5, 7, 3);

            Dgemm.Multiply(a, false, b, false, c, 5, 7, 3);

            for (int i = 0; i < c.Length; i++)
            {
                double expected = start[i] + product[i];
                double tolerance = ReferenceGemm.Tolerance(4, magnitude[i] + Math.Abs(start[i]));
                Assert.True(Math.Abs(c[i] - expected) <= tolerance,
                    $"{path}: element {i} is {c[i]:R}, expected {expected:R}.");
            }
        }
    }

    [Fact]
    public void ForcingUnsupportedPathThrows()
    {
        var missing = Enum.GetValues<GemmPath>().Where(p => !GemmOptions.IsSupported(p)).ToList();
        foreach (var path in missing)
        {
            var error = Assert.Throws<PlatformNotSupportedException>(() => GemmOptions.Force(path, 1));
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
                    CheckAllVariants(m, n, k, seed: m * 10_000 + n * 100 + k,
                        $"{path}, {threads} threads");
                }
            }
        }
    }

    private static void CheckAllVariants(int m, int n, int k, int seed, string setting)
    {
        var a = Random(m * k, seed);
        var b = Random(k * n, seed + 1);
        foreach (var (transposeA, transposeB) in new[] { (false, false), (true, false), (false, true) })
        {
            var c = new double[m * n];
            Dgemm.Multiply(a, transposeA, b, transposeB, c, m, n, k);
            var (expected, magnitude) = ReferenceGemm.Multiply(a, transposeA, b, transposeB, m, n, k);
            for (int i = 0; i < c.Length; i++)
            {
                if (Math.Abs(c[i] - expected[i]) > ReferenceGemm.Tolerance(k, magnitude[i]))
                {
                    Assert.Fail($"{setting}, {Variant(transposeA, transposeB)} with m={m}, n={n}, " +
                        $"k={k}: element ({i / n},{i % n}) is {c[i]:R}, expected {expected[i]:R}.");
                }
            }
        }
    }

    private static string Variant(bool transposeA, bool transposeB) =>
        transposeA ? "Aᵀ·B" : transposeB ? "A·Bᵀ" : "A·B";

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
