namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Computes the matrix product <c>this · other</c>: [R,K] times [K,C] gives [R,C].
    /// </summary>
    /// <exception cref="TensorShapeException">The column count of this tensor differs from the
    /// row count of <paramref name="other"/>; the message shows both shapes.</exception>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Columns != other.Rows)
        {
            throw ShapeErrors.MatMul(nameof(MatMul), Shape, other.Shape);
        }

        var result = new double[Rows * other.Columns];
        MultiplyCore(_data, other._data, result, Rows, Columns, other.Columns);
        return new Tensor(new Shape(Rows, other.Columns), result);
    }

    // TODO(perf): replace with the cache-blocked, vectorised GEMM; this i-k-j loop is the
    // reference that the fast kernels will be tested against.
    private static void MultiplyCore(
        double[] left, double[] right, double[] result, int rows, int inner, int columns)
    {
        for (int i = 0; i < rows; i++)
        {
            int resultOffset = i * columns;
            for (int k = 0; k < inner; k++)
            {
                double a = left[i * inner + k];
                int rightOffset = k * columns;
                for (int j = 0; j < columns; j++)
                {
                    result[resultOffset + j] += a * right[rightOffset + j];
                }
            }
        }
    }
}
