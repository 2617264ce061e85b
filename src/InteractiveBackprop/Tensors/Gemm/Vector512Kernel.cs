using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// An 8×16 micro-kernel on 512-bit vectors: 16 accumulators, two B vectors and one broadcast
/// stay in registers. Sixteen independent FMA chains cover the FMA latency, and tiles of 8 rows
/// and 16 columns divide the usual power-of-two and 784-wide shapes with no ragged edge tile.
/// </summary>
internal readonly unsafe struct Vector512Kernel : IMicroKernel
{
    public static int Rows => 8;

    public static int Columns => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, double* b, double* c, nint ldc,
        bool overwrite)
    {
        double* row0 = c;
        double* row1 = row0 + ldc;
        double* row2 = row1 + ldc;
        double* row3 = row2 + ldc;
        double* row4 = row3 + ldc;
        double* row5 = row4 + ldc;
        double* row6 = row5 + ldc;
        double* row7 = row6 + ldc;
        var c00 = Start(overwrite, row0);
        var c01 = Start(overwrite, row0 + 8);
        var c10 = Start(overwrite, row1);
        var c11 = Start(overwrite, row1 + 8);
        var c20 = Start(overwrite, row2);
        var c21 = Start(overwrite, row2 + 8);
        var c30 = Start(overwrite, row3);
        var c31 = Start(overwrite, row3 + 8);
        var c40 = Start(overwrite, row4);
        var c41 = Start(overwrite, row4 + 8);
        var c50 = Start(overwrite, row5);
        var c51 = Start(overwrite, row5 + 8);
        var c60 = Start(overwrite, row6);
        var c61 = Start(overwrite, row6 + 8);
        var c70 = Start(overwrite, row7);
        var c71 = Start(overwrite, row7 + 8);

        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector512.Load(b);
            var b1 = Vector512.Load(b + 8);
            var x = Vector512.Create(a[0]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00);
            c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a[1]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10);
            c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a[2]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20);
            c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a[3]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30);
            c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(a[4]);
            c40 = Avx512F.FusedMultiplyAdd(x, b0, c40);
            c41 = Avx512F.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(a[5]);
            c50 = Avx512F.FusedMultiplyAdd(x, b0, c50);
            c51 = Avx512F.FusedMultiplyAdd(x, b1, c51);
            x = Vector512.Create(a[6]);
            c60 = Avx512F.FusedMultiplyAdd(x, b0, c60);
            c61 = Avx512F.FusedMultiplyAdd(x, b1, c61);
            x = Vector512.Create(a[7]);
            c70 = Avx512F.FusedMultiplyAdd(x, b0, c70);
            c71 = Avx512F.FusedMultiplyAdd(x, b1, c71);
            a += 8;
            b += 16;
        }

        c00.Store(row0);
        c01.Store(row0 + 8);
        c10.Store(row1);
        c11.Store(row1 + 8);
        c20.Store(row2);
        c21.Store(row2 + 8);
        c30.Store(row3);
        c31.Store(row3 + 8);
        c40.Store(row4);
        c41.Store(row4 + 8);
        c50.Store(row5);
        c51.Store(row5 + 8);
        c60.Store(row6);
        c61.Store(row6 + 8);
        c70.Store(row7);
        c71.Store(row7 + 8);
    }

    // The accumulator of one vector of C: zero when C is to be overwritten, else C's value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Start(bool overwrite, double* c) =>
        overwrite ? Vector512<double>.Zero : Vector512.Load(c);
}
