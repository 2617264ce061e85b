using System.Globalization;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// One product C[m×n] = op(A)·op(B) that the benchmarks time: a square A·B of size n, or one of
/// the three products of a training step of a 784-128-10 network on a batch of 256.
/// </summary>
internal sealed record GemmCase(string Name, int M, int N, int K, GemmVariant Variant)
{
    /// <summary>The cases in the order the results page lists them.</summary>
    public static IReadOnlyList<GemmCase> All { get; } =
    [
        Square(64), Square(128), Square(256), Square(512), Square(1024), Square(2048),
        new("XW", 256, 128, 784, GemmVariant.Plain),
        new("XtdY", 784, 128, 256, GemmVariant.TransposeLeft),
        new("dYWt", 256, 784, 128, GemmVariant.TransposeRight),
    ];

    /// <summary>Floating-point operations in one product, a multiply and an add per term.</summary>
    public double Flops => 2.0 * M * N * K;

    public static GemmCase Find(string name) => All.Single(c => c.Name == name);

    private static GemmCase Square(int n) =>
        new(n.ToString(CultureInfo.InvariantCulture), n, n, n, GemmVariant.Plain);
}
