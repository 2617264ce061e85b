using System.Globalization;

namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>Returns the transpose: [R,C] becomes [C,R]. A vector or scalar is returned
    /// unchanged (as a copy), as numpy's <c>.T</c> does.</summary>
    public Tensor Transpose()
    {
        if (Rank < 2)
        {
            return Clone();
        }

        var result = new double[_data.Length];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                result[j * Rows + i] = _data[i * Columns + j];
            }
        }

        return new Tensor(new Shape(Columns, Rows), result);
    }

    /// <summary>The transpose, as a property for formulas such as <c>X.T.MatMul(dY)</c>.</summary>
    public Tensor T => Transpose();

    /// <summary>Returns a copy with the same elements in row-major order and shape
    /// <paramref name="shape"/>.</summary>
    /// <exception cref="TensorShapeException">The new shape has a different number of
    /// elements.</exception>
    public Tensor Reshape(Shape shape)
    {
        if (shape.Length != _data.Length)
        {
            throw ShapeErrors.Reshape(nameof(Reshape), Shape, shape);
        }

        return new Tensor(shape, (double[])_data.Clone());
    }

    /// <summary>Returns a copy reshaped to [<paramref name="rows"/>,<paramref name="columns"/>].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    /// <exception cref="TensorShapeException">The element counts differ.</exception>
    public Tensor Reshape(int rows, int columns) => Reshape(new Shape(rows, columns));

    /// <summary>Returns a copy as a vector [N] of all elements in row-major order.</summary>
    public Tensor Flatten() => new(Shape.Vector(_data.Length), (double[])_data.Clone());

    /// <summary>
    /// Copies rows <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/>
    /// − 1 of a matrix into a [count,C] matrix, for example one mini-batch of a data set.
    /// </summary>
    /// <exception cref="TensorShapeException">The tensor is not a matrix.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or
    /// the range does not lie inside the rows.</exception>
    public Tensor SliceRows(int start, int count)
    {
        RequireMatrix(nameof(SliceRows), "use Reshape to make it a matrix first");
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count,
                "SliceRows: the count must be at least 1, because a tensor cannot be empty.");
        }

        if (start < 0 || start > Rows - count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, string.Create(
                CultureInfo.InvariantCulture,
                $"SliceRows: rows {start} to {(long)start + count - 1} are outside a tensor of " +
                $"shape {Shape}; valid rows are 0 to {Rows - 1}."));
        }

        var result = new double[count * Columns];
        Array.Copy(_data, start * Columns, result, 0, result.Length);
        return new Tensor(new Shape(count, Columns), result);
    }

    /// <summary>
    /// Copies the rows listed in <paramref name="rows"/>, in that order and repeats allowed,
    /// into a [K,C] matrix: the gather that builds a shuffled mini-batch.
    /// </summary>
    /// <exception cref="TensorShapeException">The tensor is not a matrix.</exception>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the rows.</exception>
    public Tensor GatherRows(ReadOnlySpan<int> rows)
    {
        RequireMatrix(nameof(GatherRows), "use Reshape to make it a matrix first");
        if (rows.IsEmpty)
        {
            throw new ArgumentException(
                "GatherRows: no row indices were given; a tensor needs at least one row.",
                nameof(rows));
        }

        var result = new double[rows.Length * Columns];
        for (int k = 0; k < rows.Length; k++)
        {
            int row = rows[k];
            if ((uint)row >= (uint)Rows)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), row, string.Create(
                    CultureInfo.InvariantCulture,
                    $"GatherRows: index {row} at position {k} is outside a tensor of shape " +
                    $"{Shape}; valid rows are 0 to {Rows - 1}."));
            }

            Array.Copy(_data, row * Columns, result, k * Columns, Columns);
        }

        return new Tensor(new Shape(rows.Length, Columns), result);
    }

    private void RequireMatrix(string operation, string fix)
    {
        if (Rank != 2)
        {
            throw ShapeErrors.Rank(operation, Shape, "2", fix);
        }
    }
}
