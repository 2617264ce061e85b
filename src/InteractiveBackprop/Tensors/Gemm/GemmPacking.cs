using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
            else if (Avx512F.IsSupported && sliver.ColumnStride == 1 && valid == width
                && width % 8 == 0)
            {
                // Each row is contiguous along p: transpose 8×8 blocks in registers.
                for (int group = 0; group < width; group += 8)
                {
                    PackTransposed(sliver.Offset(group, 0), depth, width, destination + group);
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

    // Writes destination[p·width + i] = source(i, p) for 8 rows i whose elements are contiguous
    // along p, 8 columns at a time: unpack pairs of rows, then merge 128-bit and 256-bit halves.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackTransposed(GemmOperand source, int depth, int width,
        double* destination)
    {
        var pairLow = Vector512.Create(0L, 1, 8, 9, 4, 5, 12, 13);
        var pairHigh = Vector512.Create(2L, 3, 10, 11, 6, 7, 14, 15);
        var halfLow = Vector512.Create(0L, 1, 2, 3, 8, 9, 10, 11);
        var halfHigh = Vector512.Create(4L, 5, 6, 7, 12, 13, 14, 15);
        double* row0 = source.Pointer;
        nint stride = source.RowStride;
        int p = 0;
        for (; p + 8 <= depth; p += 8)
        {
            double* block = row0 + p;
            var t0 = Avx512F.UnpackLow(Vector512.Load(block), Vector512.Load(block + stride));
            var t1 = Avx512F.UnpackHigh(Vector512.Load(block), Vector512.Load(block + stride));
            var t2 = Avx512F.UnpackLow(
                Vector512.Load(block + 2 * stride), Vector512.Load(block + 3 * stride));
            var t3 = Avx512F.UnpackHigh(
                Vector512.Load(block + 2 * stride), Vector512.Load(block + 3 * stride));
            var t4 = Avx512F.UnpackLow(
                Vector512.Load(block + 4 * stride), Vector512.Load(block + 5 * stride));
            var t5 = Avx512F.UnpackHigh(
                Vector512.Load(block + 4 * stride), Vector512.Load(block + 5 * stride));
            var t6 = Avx512F.UnpackLow(
                Vector512.Load(block + 6 * stride), Vector512.Load(block + 7 * stride));
            var t7 = Avx512F.UnpackHigh(
                Vector512.Load(block + 6 * stride), Vector512.Load(block + 7 * stride));

            // s0 holds columns 0 and 4 of rows 0-3, s1 columns 2 and 6, s2 1 and 5, s3 3 and 7.
            var s0 = Avx512F.PermuteVar8x64x2(t0, pairLow, t2);
            var s1 = Avx512F.PermuteVar8x64x2(t0, pairHigh, t2);
            var s2 = Avx512F.PermuteVar8x64x2(t1, pairLow, t3);
            var s3 = Avx512F.PermuteVar8x64x2(t1, pairHigh, t3);
            var s4 = Avx512F.PermuteVar8x64x2(t4, pairLow, t6);
            var s5 = Avx512F.PermuteVar8x64x2(t4, pairHigh, t6);
            var s6 = Avx512F.PermuteVar8x64x2(t5, pairLow, t7);
            var s7 = Avx512F.PermuteVar8x64x2(t5, pairHigh, t7);

            double* column = destination + p * width;
            Avx512F.PermuteVar8x64x2(s0, halfLow, s4).Store(column);
            Avx512F.PermuteVar8x64x2(s2, halfLow, s6).Store(column + width);
            Avx512F.PermuteVar8x64x2(s1, halfLow, s5).Store(column + 2 * width);
            Avx512F.PermuteVar8x64x2(s3, halfLow, s7).Store(column + 3 * width);
            Avx512F.PermuteVar8x64x2(s0, halfHigh, s4).Store(column + 4 * width);
            Avx512F.PermuteVar8x64x2(s2, halfHigh, s6).Store(column + 5 * width);
            Avx512F.PermuteVar8x64x2(s1, halfHigh, s5).Store(column + 6 * width);
            Avx512F.PermuteVar8x64x2(s3, halfHigh, s7).Store(column + 7 * width);
        }

        for (; p < depth; p++)
        {
            for (int i = 0; i < 8; i++)
            {
                destination[p * width + i] = row0[i * stride + p];
            }
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
