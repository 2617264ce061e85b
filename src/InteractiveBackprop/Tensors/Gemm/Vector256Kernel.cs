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
    public static void Multiply(int depth, double* a, double* b, double* c, nint ldc)
    {
        Vector256<double> c00 = Vector256.Load(c), c01 = Vector256.Load(c + 4);
        Vector256<double> c10 = Vector256.Load(c + ldc), c11 = Vector256.Load(c + ldc + 4);
        Vector256<double> c20 = Vector256.Load(c + 2 * ldc), c21 = Vector256.Load(c + 2 * ldc + 4);
        Vector256<double> c30 = Vector256.Load(c + 3 * ldc), c31 = Vector256.Load(c + 3 * ldc + 4);
        Vector256<double> c40 = Vector256.Load(c + 4 * ldc), c41 = Vector256.Load(c + 4 * ldc + 4);
        Vector256<double> c50 = Vector256.Load(c + 5 * ldc), c51 = Vector256.Load(c + 5 * ldc + 4);

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

        c00.Store(c); c01.Store(c + 4);
        c10.Store(c + ldc); c11.Store(c + ldc + 4);
        c20.Store(c + 2 * ldc); c21.Store(c + 2 * ldc + 4);
        c30.Store(c + 3 * ldc); c31.Store(c + 3 * ldc + 4);
        c40.Store(c + 4 * ldc); c41.Store(c + 4 * ldc + 4);
        c50.Store(c + 5 * ldc); c51.Store(c + 5 * ldc + 4);
    }
}
