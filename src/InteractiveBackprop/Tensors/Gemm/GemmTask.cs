namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// One GEMM call, C += A·B or C = A·B, split into parts along the rows or the columns of C so
/// that each part writes its own slice of C and packs its own blocks.
/// </summary>
internal readonly unsafe struct GemmTask(GemmPath path, GemmOperand a, GemmOperand b,
    double* c, nint ldc, int m, int n, int k, bool overwrite, bool splitRows, int partSize)
{
    /// <summary>Runs the whole product on the calling thread.</summary>
    public static void Run(GemmPath path, GemmOperand a, GemmOperand b, double* c, nint ldc,
        int m, int n, int k, bool overwrite)
    {
        switch (path)
        {
            case GemmPath.Vector512:
                GemmDriver<Vector512Kernel>.Multiply(a, b, c, ldc, m, n, k, overwrite);
                break;
            case GemmPath.Vector256:
                GemmDriver<Vector256Kernel>.Multiply(a, b, c, ldc, m, n, k, overwrite);
                break;
            default:
                GemmDriver<ScalarKernel>.Multiply(a, b, c, ldc, m, n, k, overwrite);
                break;
        }
    }

    /// <summary>Runs part <paramref name="part"/>; a part past the end of C does nothing.</summary>
    public void RunPart(int part)
    {
        int start = part * partSize;
        if (splitRows)
        {
            int rows = Math.Min(partSize, m - start);
            if (rows > 0)
            {
                Run(path, a.Offset(start, 0), b, c + start * ldc, ldc, rows, n, k, overwrite);
            }
        }
        else
        {
            int columns = Math.Min(partSize, n - start);
            if (columns > 0)
            {
                Run(path, a, b.Offset(0, start), c + start, ldc, m, columns, k, overwrite);
            }
        }
    }
}
