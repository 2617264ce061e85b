namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// Compiles the GEMM code of the best instruction-set path and starts the worker threads on a
/// background thread, once per process, when the first tensor is created. The kernels are
/// compiled with full optimisation on their first call, which takes most of a first product's
/// 15 to 20 ms. A notebook creates its operands before it multiplies them, so by then the code
/// is usually ready. A product that arrives earlier waits for the same compilation, as it would
/// have without the warm-up, and runs on one thread if the warm-up holds the workers.
/// </summary>
/// <remarks>The AppContext switch <see cref="DisableSwitch"/> turns it off, for a host that
/// measures the cold cost or wants no background thread.</remarks>
internal static class GemmWarmUp
{
    /// <summary>The AppContext switch that disables the warm-up when set to true.</summary>
    public const string DisableSwitch = "InteractiveBackprop.DisableGemmWarmUp";

    // Sizes with a partial tile in both directions, split over the workers at threshold 0.
    private const int Rows = 19;
    private const int Columns = 37;
    private const int Depth = 11;

    private static int s_started;

    /// <summary>Starts the warm-up unless it has started before or is disabled.</summary>
    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) != 0
            || (AppContext.TryGetSwitch(DisableSwitch, out bool disabled) && disabled))
        {
            return;
        }

        var thread = new Thread(Run)
        {
            IsBackground = true,
            Name = "InteractiveBackprop GEMM warm-up",
            Priority = ThreadPriority.BelowNormal,
        };
        thread.Start();
    }

    private static void Run()
    {
        var a = new double[Rows * Depth];
        var b = new double[Depth * Columns];
        var c = new double[Rows * Columns];
        using var scope = GemmOptions.Force(
            GemmOptions.BestPath, Environment.ProcessorCount, parallelThreshold: 0);
        var variants = new[] { (false, false), (true, false), (false, true) };
        foreach (var (transposeA, transposeB) in variants)
        {
            Dgemm.Multiply(a, transposeA, b, transposeB, c, Rows, Columns, Depth, overwrite: true);
            Dgemm.Multiply(a, transposeA, b, transposeB, c, Rows, Columns, Depth, overwrite: false);
        }
    }
}
