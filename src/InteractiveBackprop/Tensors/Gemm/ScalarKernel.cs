using System.Runtime.CompilerServices;

namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A 4×4 micro-kernel in scalar arithmetic: 16 accumulators fit the 16 floating-point
/// registers of x64 and of most other targets.
/// </summary>
internal readonly unsafe struct ScalarKernel : IMicroKernel
{
    public static int Rows => 4;

    public static int Columns => 4;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int depth, double* a, double* b, double* c, nint ldc,
        bool overwrite)
    {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        double c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        double c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (int p = 0; p < depth; p++)
        {
            double b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
            double x = a[0];
            c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
            x = a[1];
            c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
            x = a[2];
            c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
            x = a[3];
            c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
            a += 4;
            b += 4;
        }

        Store(overwrite, c, c00, c01, c02, c03);
        Store(overwrite, c + ldc, c10, c11, c12, c13);
        Store(overwrite, c + 2 * ldc, c20, c21, c22, c23);
        Store(overwrite, c + 3 * ldc, c30, c31, c32, c33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(bool overwrite, double* c, double x0, double x1, double x2, double x3)
    {
        if (!overwrite)
        {
            x0 += c[0];
            x1 += c[1];
            x2 += c[2];
            x3 += c[3];
        }

        c[0] = x0;
        c[1] = x1;
        c[2] = x2;
        c[3] = x3;
    }
}
