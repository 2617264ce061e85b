using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A 12×16 micro-kernel on 512-bit vectors: 24 accumulators, two B vectors and one broadcast
/// use 27 of the 32 vector registers that AVX-512 gives, so the tile never leaves registers.
/// </summary>
internal readonly unsafe struct Vector512Kernel : IMicroKernel
{
    public static int Rows => 12;

    public static int Columns => 16;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, double* b, double* c, nint ldc)
    {
        Vector512<double> c00 = Vector512.Load(c), c01 = Vector512.Load(c + 8);
        Vector512<double> c10 = Vector512.Load(c + ldc), c11 = Vector512.Load(c + ldc + 8);
        Vector512<double> c20 = Vector512.Load(c + 2 * ldc), c21 = Vector512.Load(c + 2 * ldc + 8);
        Vector512<double> c30 = Vector512.Load(c + 3 * ldc), c31 = Vector512.Load(c + 3 * ldc + 8);
        Vector512<double> c40 = Vector512.Load(c + 4 * ldc), c41 = Vector512.Load(c + 4 * ldc + 8);
        Vector512<double> c50 = Vector512.Load(c + 5 * ldc), c51 = Vector512.Load(c + 5 * ldc + 8);
        Vector512<double> c60 = Vector512.Load(c + 6 * ldc), c61 = Vector512.Load(c + 6 * ldc + 8);
        Vector512<double> c70 = Vector512.Load(c + 7 * ldc), c71 = Vector512.Load(c + 7 * ldc + 8);
        Vector512<double> c80 = Vector512.Load(c + 8 * ldc), c81 = Vector512.Load(c + 8 * ldc + 8);
        Vector512<double> c90 = Vector512.Load(c + 9 * ldc), c91 = Vector512.Load(c + 9 * ldc + 8);
        Vector512<double> ca0 = Vector512.Load(c + 10 * ldc);
        Vector512<double> ca1 = Vector512.Load(c + 10 * ldc + 8);
        Vector512<double> cb0 = Vector512.Load(c + 11 * ldc);
        Vector512<double> cb1 = Vector512.Load(c + 11 * ldc + 8);

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
            x = Vector512.Create(a[8]);
            c80 = Avx512F.FusedMultiplyAdd(x, b0, c80);
            c81 = Avx512F.FusedMultiplyAdd(x, b1, c81);
            x = Vector512.Create(a[9]);
            c90 = Avx512F.FusedMultiplyAdd(x, b0, c90);
            c91 = Avx512F.FusedMultiplyAdd(x, b1, c91);
            x = Vector512.Create(a[10]);
            ca0 = Avx512F.FusedMultiplyAdd(x, b0, ca0);
            ca1 = Avx512F.FusedMultiplyAdd(x, b1, ca1);
            x = Vector512.Create(a[11]);
            cb0 = Avx512F.FusedMultiplyAdd(x, b0, cb0);
            cb1 = Avx512F.FusedMultiplyAdd(x, b1, cb1);
            a += 12;
            b += 16;
        }

        c00.Store(c); c01.Store(c + 8);
        c10.Store(c + ldc); c11.Store(c + ldc + 8);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 8);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 8);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 8);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 8);
        c60.Store(c + 6 * ldc); c61.Store(c + 6 * ldc + 8);
        c70.Store(c + 7 * ldc); c71.Store(c + 7 * ldc + 8);
        c80.Store(c + 8 * ldc); c81.Store(c + 8 * ldc + 8);
        c90.Store(c + 9 * ldc); c91.Store(c + 9 * ldc + 8);
        ca0.Store(c + 10 * ldc); ca1.Store(c + 10 * ldc + 8);
        cb0.Store(c + 11 * ldc); cb1.Store(c + 11 * ldc + 8);
    }
}
