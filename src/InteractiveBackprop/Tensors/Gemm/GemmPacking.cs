using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// Copies blocks of A and B into the panel order that a micro-kernel reads: A in slivers of MR
/// rows stored column by column, B in slivers of NR columns stored row by row, each sliver
/// padded with zeros to its full width so that the kernel needs no tail code.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs the <paramref name="rows"/>×<paramref name="depth"/> block of A that starts at
    /// <paramref name="a"/> into slivers of <typeparamref name="TKernel"/>'s MR rows.
    /// </summary>
    public static void PackA<TKernel>(GemmOperand a, int rows, int depth, double* destination)
        where TKernel : struct, IMicroKernel =>
        PackSlivers(a, rows, depth, TKernel.Rows, destination);

    /// <summary>
    /// Packs the <paramref name="depth"/>×<paramref name="columns"/> block of B that starts at
    /// <paramref name="b"/> into slivers of <typeparamref name="TKernel"/>'s NR columns. A sliver
    /// of B is a sliver of Bᵀ's rows, so this packs Bᵀ as <see cref="PackA"/> packs A.
    /// </summary>
    public static void PackB<TKernel>(GemmOperand b, int depth, int columns, double* destination)
        where TKernel : struct, IMicroKernel =>
        PackSlivers(new GemmOperand(b.Pointer, b.ColumnStride, b.RowStride), columns, depth,
            TKernel.Columns, destination);

    // Writes destination[s·depth·width + p·width + i] = source(s·width + i, p), zero past rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackSlivers(GemmOperand source, int rows, int depth, int width,
        double* destination)
    {
        for (int i0 = 0; i0 < rows; i0 += width)
        {
            int valid = Math.Min(width, rows - i0);
            var sliver = source.Offset(i0, 0);
            if (sliver.RowStride == 1 && valid == width)
            {
                // The width values of one column of the sliver are contiguous.
                for (int p = 0; p < depth; p++)
                {
                    Copy(sliver.Pointer + p * sliver.ColumnStride, destination + p * width, width);
                }
            }
            else
            {
                // Read each row of the sliver along p and write it with stride width.
                for (int i = 0; i < valid; i++)
                {
                    double* row = sliver.Pointer + i * sliver.RowStride;
                    for (int p = 0; p < depth; p++)
                    {
                        destination[p * width + i] = row[p * sliver.ColumnStride];
                    }
                }

                for (int i = valid; i < width; i++)
                {
                    for (int p = 0; p < depth; p++)
                    {
                        destination[p * width + i] = 0;
                    }
                }
            }

            destination += depth * width;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(double* source, double* destination, int count)
    {
        int x = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; x + 4 <= count; x += 4)
            {
                Vector256.Load(source + x).Store(destination + x);
            }
        }

        for (; x < count; x++)
        {
            destination[x] = source[x];
        }
    }
}
