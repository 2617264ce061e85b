using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A 6×8 micro-kernel on 256-bit vectors: 12 accumulators, two B vectors and one broadcast fit
/// the 16 vector registers of AVX2, and 12 independent chains hide the FMA latency.
/// </summary>
internal readonly unsafe struct Vector256Kernel : IMicroKernel
{
    public static int Rows => 6;

    public static int Columns => 8;

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
        var c00 = Start(overwrite, row0);
        var c01 = Start(overwrite, row0 + 4);
        var c10 = Start(overwrite, row1);
        var c11 = Start(overwrite, row1 + 4);
        var c20 = Start(overwrite, row2);
        var c21 = Start(overwrite, row2 + 4);
        var c30 = Start(overwrite, row3);
        var c31 = Start(overwrite, row3 + 4);
        var c40 = Start(overwrite, row4);
        var c41 = Start(overwrite, row4 + 4);
        var c50 = Start(overwrite, row5);
        var c51 = Start(overwrite, row5 + 4);

        for (int p = 0; p < depth; p++)
        {
            var b0 = Vector256.Load(b);
            var b1 = Vector256.Load(b + 4);
            var x = Vector256.Create(a[0]);
            c00 = Fma.MultiplyAdd(x, b0, c00);
            c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Fma.MultiplyAdd(x, b0, c10);
            c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Fma.MultiplyAdd(x, b0, c20);
            c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Fma.MultiplyAdd(x, b0, c30);
            c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Fma.MultiplyAdd(x, b0, c40);
            c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Fma.MultiplyAdd(x, b0, c50);
            c51 = Fma.MultiplyAdd(x, b1, c51);
            a += 6;
            b += 8;
        }

        c00.Store(row0);
        c01.Store(row0 + 4);
        c10.Store(row1);
        c11.Store(row1 + 4);
        c20.Store(row2);
        c21.Store(row2 + 4);
        c30.Store(row3);
        c31.Store(row3 + 4);
        c40.Store(row4);
        c41.Store(row4 + 4);
        c50.Store(row5);
        c51.Store(row5 + 4);
    }

    // The accumulator of one vector of C: zero when C is to be overwritten, else C's value.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Start(bool overwrite, double* c) =>
        overwrite ? Vector256<double>.Zero : Vector256.Load(c);
}
