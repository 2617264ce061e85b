using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// The instruction-set path, the maximum thread count and the parallel threshold that a GEMM
/// call uses. The defaults come from the hardware; tests and benchmarks force others with
/// <see cref="Force"/>.
/// </summary>
/// <param name="Path">The micro-kernel's instruction set.</param>
/// <param name="MaxThreads">The most threads one call may use, at least 1.</param>
/// <param name="ParallelThreshold">The product size m·n·k from which a call uses more than
/// one thread.</param>
internal readonly record struct GemmOptions(GemmPath Path, int MaxThreads, long ParallelThreshold)
{
    [ThreadStatic]
    private static GemmOptions? s_forced;

    /// <summary>The fastest path that this process's hardware and runtime accelerate.</summary>
    public static GemmPath BestPath { get; } = DetectBestPath();

    /// <summary>The best path and one thread per processor.</summary>
    public static GemmOptions Default { get; } =
        new(BestPath, Environment.ProcessorCount, Dgemm.ParallelThreshold);

    /// <summary>The options in force on the calling thread.</summary>
    public static GemmOptions Current => s_forced ?? Default;

    /// <summary>Tells whether this process can run <paramref name="path"/>.</summary>
    public static bool IsSupported(GemmPath path) => path switch
    {
        GemmPath.Scalar => true,
        GemmPath.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        GemmPath.Vector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        _ => false,
    };

    /// <summary>
    /// Forces <paramref name="path"/>, <paramref name="maxThreads"/> and
    /// <paramref name="parallelThreshold"/> on the calling thread until the returned scope is
    /// disposed, which restores the options in force before. A threshold of 0 splits every
    /// product that has at least two kernel tiles, so that tests reach the parallel code with
    /// small matrices.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxThreads"/> is less than
    /// 1, or <paramref name="parallelThreshold"/> is negative.</exception>
    /// <exception cref="PlatformNotSupportedException">This process cannot run
    /// <paramref name="path"/>.</exception>
    public static GemmOptionsScope Force(GemmPath path, int maxThreads,
        long parallelThreshold = Dgemm.ParallelThreshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(parallelThreshold);
        if (!IsSupported(path))
        {
            throw new PlatformNotSupportedException(
                $"GEMM: the {path} path needs hardware acceleration that this process lacks.");
        }

        var previous = s_forced;
        s_forced = new GemmOptions(path, maxThreads, parallelThreshold);
        return new GemmOptionsScope(previous);
    }

    internal static void Restore(GemmOptions? previous) => s_forced = previous;

    private static GemmPath DetectBestPath()
    {
        if (IsSupported(GemmPath.Vector512))
        {
            return GemmPath.Vector512;
        }

        return IsSupported(GemmPath.Vector256) ? GemmPath.Vector256 : GemmPath.Scalar;
    }
}
