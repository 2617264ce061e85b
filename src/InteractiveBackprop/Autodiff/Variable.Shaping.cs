using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Autodiff;

public sealed partial class Variable
{
    /// <summary>Transposes a matrix (a vector or scalar is unchanged). Backward: Gᵀ.</summary>
    public Variable Transpose() =>
        Record(Value.Transpose(), nameof(Transpose), [this], g => [g.Transpose()]);

    /// <summary>Reshapes to <paramref name="shape"/>. Backward: G reshaped to this shape.
    /// </summary>
    /// <exception cref="TensorShapeException">The element counts differ.</exception>
    public Variable Reshape(Shape shape)
    {
        var original = Shape;
        return Record(Value.Reshape(shape), nameof(Reshape), [this], g => [g.Reshape(original)]);
    }

    /// <summary>Copies rows <paramref name="start"/> to start + count − 1 (see
    /// <see cref="Tensor.SliceRows"/>). Backward: G in those rows and zeros elsewhere.</summary>
    /// <exception cref="TensorShapeException">The variable is not a matrix.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range lies outside the rows.</exception>
    public Variable SliceRows(int start, int count)
    {
        var shape = Shape;
        return Record(Value.SliceRows(start, count), nameof(SliceRows), [this], g =>
        {
            var result = Tensor.Zeros(shape);
            Array.Copy(g.Data, 0, result.Data, start * shape.Columns, g.Length);
            return [result];
        });
    }

    /// <summary>Gathers the listed rows (see <see cref="Tensor.GatherRows"/>). Backward: row k
    /// of G is added to row <c>rows[k]</c>, so a row gathered twice receives both.</summary>
    /// <exception cref="TensorShapeException">The variable is not a matrix.</exception>
    /// <exception cref="ArgumentException"><paramref name="rows"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index lies outside the rows.</exception>
    public Variable GatherRows(int[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shape = Shape;
        var indices = (int[])rows.Clone();
        return Record(Value.GatherRows(indices), nameof(GatherRows), [this], g =>
        {
            var result = Tensor.Zeros(shape);
            int columns = shape.Columns;
            for (int k = 0; k < indices.Length; k++)
            {
                for (int j = 0; j < columns; j++)
                {
                    result.Data[indices[k] * columns + j] += g.Data[k * columns + j];
                }
            }

            return [result];
        });
    }
}
