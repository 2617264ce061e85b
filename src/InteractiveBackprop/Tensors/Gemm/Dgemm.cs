namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// General matrix multiplication on row-major doubles: C += op(A)·op(B), where op(A) is A or
/// Aᵀ and op(B) is B or Bᵀ, read in place through strides so that no transpose is copied out.
/// </summary>
internal static unsafe class Dgemm
{
    /// <summary>
    /// The product size m·n·k from which a call uses more than one thread. Below it the cost of
    /// waking a worker and packing B twice outweighs the second core.
    /// </summary>
    /// <remarks>
    /// Measured with <c>InteractiveBackprop.Benchmarks sweep --no-alloc --path Vector512</c>,
    /// best of seven runs of C = A·B, on an AMD EPYC (Zen 4) with 2 vCPUs under KVM: two threads
    /// ran at 6 GFLOP/s against one thread's 28 at n = 32, but at 57 against 18 at n = 48, 71
    /// against 23 at n = 64 and 94 against 50 at n = 256. Other jobs shared the machine, so the
    /// one-thread figures scatter; 64³ leaves a margin above the crossover.
    /// </remarks>
    public const long ParallelThreshold = 64L * 64 * 64;

    /// <summary>
    /// Adds op(A)·op(B) to the m×n row-major matrix <paramref name="c"/>, or stores it there
    /// when <paramref name="overwrite"/> is set, with the options in force on the calling thread.
    /// </summary>
    /// <param name="a">A, m×k row-major, or Aᵀ, k×m row-major, when
    /// <paramref name="transposeA"/> is set.</param>
    /// <param name="transposeA">Whether <paramref name="a"/> holds Aᵀ.</param>
    /// <param name="b">B, k×n row-major, or Bᵀ, n×k row-major, when
    /// <paramref name="transposeB"/> is set.</param>
    /// <param name="transposeB">Whether <paramref name="b"/> holds Bᵀ.</param>
    /// <param name="c">C, m×n row-major.</param>
    /// <param name="m">The rows of C, at least 1.</param>
    /// <param name="n">The columns of C, at least 1.</param>
    /// <param name="k">The inner dimension, at least 1.</param>
    /// <param name="overwrite">Whether to store the product without reading C, so that C may
    /// come uninitialised, or else to add it to C.</param>
    public static void Multiply(double[] a, bool transposeA, double[] b, bool transposeB,
        double[] c, int m, int n, int k, bool overwrite) =>
        Multiply(a, transposeA, b, transposeB, c, m, n, k, overwrite, GemmOptions.Current);

    /// <summary>Computes C += op(A)·op(B) or C = op(A)·op(B) with the given options.</summary>
    /// <exception cref="ArgumentException">An array is shorter than its matrix.</exception>
    public static void Multiply(double[] a, bool transposeA, double[] b, bool transposeB,
        double[] c, int m, int n, int k, bool overwrite, GemmOptions options)
    {
        // The kernels index through raw pointers, so a short array would be read out of bounds.
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
        {
            throw new ArgumentException(
                $"GEMM: arrays of {a.Length}, {b.Length} and {c.Length} elements cannot hold " +
                $"an {m}×{k} by {k}×{n} product.");
        }

        fixed (double* left = a, right = b, result = c)
        {
            var operandA = transposeA ? new GemmOperand(left, 1, m) : new GemmOperand(left, k, 1);
            var operandB = transposeB ? new GemmOperand(right, 1, k) : new GemmOperand(right, n, 1);
            int threads = (long)m * n * k >= options.ParallelThreshold ? options.MaxThreads : 1;
            if (threads > 1 && TryRunParallel(options.Path, operandA, operandB, result, m, n, k,
                overwrite, threads))
            {
                return;
            }

            GemmTask.Run(options.Path, operandA, operandB, result, n, m, n, k, overwrite);
        }
    }

    private static bool TryRunParallel(GemmPath path, GemmOperand a, GemmOperand b, double* c,
        int m, int n, int k, bool overwrite, int threads)
    {
        // Split the longer side of C into runs of whole kernel tiles, one run per thread.
        bool splitRows = m >= n;
        int tile = splitRows ? TileRows(path) : TileColumns(path);
        int tiles = ((splitRows ? m : n) + tile - 1) / tile;
        int parts = Math.Min(threads, tiles);
        if (parts < 2)
        {
            return false;
        }

        int partSize = (tiles + parts - 1) / parts * tile;
        var task = new GemmTask(path, a, b, c, n, m, n, k, overwrite, splitRows, partSize);
        return GemmWorkers.TryRun(task, parts);
    }

    private static int TileRows(GemmPath path) => path switch
    {
        GemmPath.Vector512 => Vector512Kernel.Rows,
        GemmPath.Vector256 => Vector256Kernel.Rows,
        _ => ScalarKernel.Rows,
    };

    private static int TileColumns(GemmPath path) => path switch
    {
        GemmPath.Vector512 => Vector512Kernel.Columns,
        GemmPath.Vector256 => Vector256Kernel.Columns,
        _ => ScalarKernel.Columns,
    };
}
