using System.Runtime.CompilerServices;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// The cache-blocked loops around a micro-kernel. A kc×nc panel of B is packed once and stays
/// in L3, and an mc×kc block of A is packed and stays in L2. Each kc×NR sliver of B then stays
/// in L1 while the kernel sweeps the slivers of A past it.
/// </summary>
internal static unsafe class GemmDriver<TKernel>
    where TKernel : struct, IMicroKernel
{
    /// <summary>The depth of a packed panel, kc.</summary>
    public const int DepthBlock = 384;

    /// <summary>The rows of a packed block of A, mc: a multiple of every kernel's MR.</summary>
    public const int RowBlock = 144;

    /// <summary>The columns of a packed panel of B, nc: a multiple of every kernel's NR.</summary>
    public const int ColumnBlock = 4096;

    /// <summary>
    /// Computes C += A·B, or C = A·B when <paramref name="overwrite"/> is set, for A of
    /// <paramref name="m"/>×<paramref name="k"/>, B of <paramref name="k"/>×<paramref name="n"/>
    /// and C of <paramref name="m"/>×<paramref name="n"/> whose rows start
    /// <paramref name="ldc"/> elements apart.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(GemmOperand a, GemmOperand b, double* c, nint ldc, int m, int n,
        int k, bool overwrite)
    {
        int mr = TKernel.Rows;
        int nr = TKernel.Columns;
        var buffers = GemmBuffers.Current;
        // Blocks of equal size, so that no thin last block (784 = 3·262, not 2·384 + 16) runs
        // the kernel over a short depth or a few rows.
        int columnBlock = Math.Min(ColumnBlock, RoundUp(n, nr));
        int rowBlock = RoundUp(Balance(m, RowBlock), mr);
        int depthBlock = Balance(k, DepthBlock);
        double* packedB = buffers.PackedB(depthBlock * columnBlock);
        double* packedA = buffers.PackedA(depthBlock * rowBlock);
        double* edge = stackalloc double[mr * nr];

        for (int jc = 0; jc < n; jc += columnBlock)
        {
            int nc = Math.Min(columnBlock, n - jc);
            for (int pc = 0; pc < k; pc += depthBlock)
            {
                int kc = Math.Min(depthBlock, k - pc);
                GemmPacking.PackB<TKernel>(b.Offset(pc, jc), kc, nc, packedB);
                for (int ic = 0; ic < m; ic += rowBlock)
                {
                    int mc = Math.Min(rowBlock, m - ic);
                    GemmPacking.PackA<TKernel>(a.Offset(ic, pc), mc, kc, packedA);
                    // Only the first panel of depth overwrites; the later ones add to it.
                    MultiplyBlock(packedA, packedB, c + ic * ldc + jc, ldc, mc, nc, kc,
                        overwrite && pc == 0, edge);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyBlock(double* packedA, double* packedB, double* c, nint ldc,
        int mc, int nc, int kc, bool overwrite, double* edge)
    {
        int mr = TKernel.Rows;
        int nr = TKernel.Columns;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int columns = Math.Min(nr, nc - jr);
            double* sliverB = packedB + jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                double* sliverA = packedA + ir * kc;
                double* tile = c + ir * ldc + jr;
                if (rows == mr && columns == nr)
                {
                    TKernel.Multiply(kc, sliverA, sliverB, tile, ldc, overwrite);
                }
                else
                {
                    MultiplyEdge(sliverA, sliverB, tile, ldc, rows, columns, kc, overwrite, edge);
                }
            }
        }
    }

    // A tile that overhangs C runs the full kernel on a scratch tile and adds the valid part.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MultiplyEdge(double* sliverA, double* sliverB, double* tile, nint ldc,
        int rows, int columns, int kc, bool overwrite, double* edge)
    {
        int nr = TKernel.Columns;
        TKernel.Multiply(kc, sliverA, sliverB, edge, nr, overwrite: true);
        for (int i = 0; i < rows; i++)
        {
            double* source = edge + i * nr;
            double* target = tile + i * ldc;
            for (int j = 0; j < columns; j++)
            {
                target[j] = overwrite ? source[j] : target[j] + source[j];
            }
        }
    }

    // The size of ⌈total / limit⌉ equal blocks that cover total, each at most limit.
    private static int Balance(int total, int limit)
    {
        int blocks = (total + limit - 1) / limit;
        return (total + blocks - 1) / blocks;
    }

    private static int RoundUp(int value, int multiple) =>
        (value + multiple - 1) / multiple * multiple;
}
