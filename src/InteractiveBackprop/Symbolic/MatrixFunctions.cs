using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Matrix functions that derived gradients use beside the <see cref="Tensor"/> operations: the
/// row softmax, the trace, identities and broadcasts. The C# that a derivation emits calls them.
/// </summary>
public static class MatrixFunctions
{
    /// <summary>Creates the [1,1] tensor that holds <paramref name="value"/>.</summary>
    public static Tensor Scalar(double value) => Tensor.FromRowMajor(1, 1, [value]);

    /// <summary>Creates a [rows, columns] tensor with every element <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    public static Tensor Fill(int rows, int columns, double value) =>
        Tensor.Zeros(rows, columns).Map(_ => value);

    /// <summary>Creates the identity matrix of size <paramref name="size"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.</exception>
    public static Tensor Identity(int size)
    {
        var identity = Tensor.Zeros(size, size);
        for (int i = 0; i < size; i++)
        {
            identity[i, i] = 1;
        }

        return identity;
    }

    /// <summary>Repeats the [1,C] <paramref name="row"/> <paramref name="rows"/> times: 1·row.</summary>
    /// <exception cref="ArgumentException"><paramref name="row"/> has more than one row.</exception>
    public static Tensor BroadcastRows(Tensor row, int rows)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Tensor.Zeros(rows, row.Columns).AddRow(row);
    }

    /// <summary>Repeats the [R,1] <paramref name="column"/> <paramref name="columns"/> times:
    /// column·1ᵀ.</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> has more than one column.</exception>
    public static Tensor BroadcastColumns(Tensor column, int columns)
    {
        ArgumentNullException.ThrowIfNull(column);
        return BroadcastRows(column.T, columns).T;
    }

    /// <summary>Returns the sum of the diagonal of a square matrix.</summary>
    /// <exception cref="ArgumentException">The matrix is not square.</exception>
    public static double Trace(Tensor matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Rows != matrix.Columns)
        {
            throw new ArgumentException(
                $"Trace: the matrix has shape {matrix.Shape}; the trace needs a square matrix.",
                nameof(matrix));
        }

        double total = 0;
        for (int i = 0; i < matrix.Rows; i++)
        {
            total += matrix[i, i];
        }

        return total;
    }

    /// <summary>
    /// Computes the softmax of each row, exp(zᵢⱼ - mᵢ) / Σₖ exp(zᵢₖ - mᵢ) with mᵢ the row maximum,
    /// which keeps exp from overflowing. A row that contains NaN gives NaN.
    /// </summary>
    public static Tensor Softmax(Tensor logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var result = Tensor.Zeros(logits.Rows, logits.Columns);
        for (int i = 0; i < logits.Rows; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < logits.Columns; j++)
            {
                max = Math.Max(max, logits[i, j]);
            }

            double total = 0;
            for (int j = 0; j < logits.Columns; j++)
            {
                result[i, j] = Math.Exp(logits[i, j] - max);
                total += result[i, j];
            }

            for (int j = 0; j < logits.Columns; j++)
            {
                result[i, j] /= total;
            }
        }

        return result;
    }

    /// <summary>
    /// Computes the softmax cross-entropy averaged over the batch,
    /// -(1/B) Σᵢⱼ Tᵢⱼ log softmax(Z)ᵢⱼ, for logits and targets of the same shape [B,C].
    /// </summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static double SoftmaxCrossEntropy(Tensor logits, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(targets);
        if (logits.Shape != targets.Shape)
        {
            throw new ArgumentException($"SoftmaxCrossEntropy: the logits have shape {logits.Shape} " +
                $"and the targets {targets.Shape}; they must be equal.", nameof(targets));
        }

        var logSoftmax = Softmax(logits).Map(Math.Log);
        return -logSoftmax.Multiply(targets).Sum() / logits.Rows;
    }
}
