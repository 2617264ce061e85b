namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>Returns the transpose: [R,C] becomes [C,R].</summary>
    public Tensor Transpose()
    {
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

    /// <summary>
    /// Adds the [1,C] row <paramref name="row"/> to every row of this [R,C] tensor, the broadcast
    /// of a bias over a batch.
    /// </summary>
    /// <exception cref="TensorShapeException"><paramref name="row"/> is not of shape [1,C].</exception>
    public Tensor AddRow(Tensor row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Rows != 1 || row.Columns != Columns)
        {
            throw ShapeErrors.RowBroadcast(nameof(AddRow), Shape, row.Shape);
        }

        var result = new double[_data.Length];
        for (int i = 0; i < Rows; i++)
        {
            int offset = i * Columns;
            for (int j = 0; j < Columns; j++)
            {
                result[offset + j] = _data[offset + j] + row._data[j];
            }
        }

        return new Tensor(Shape, result);
    }

    /// <summary>Adds two tensors of the same shape element by element.</summary>
    /// <exception cref="TensorShapeException">The shapes differ.</exception>
    public Tensor Add(Tensor other) => Zip(other, nameof(Add), static (a, b) => a + b);

    /// <summary>Subtracts <paramref name="other"/> element by element.</summary>
    /// <exception cref="TensorShapeException">The shapes differ.</exception>
    public Tensor Subtract(Tensor other) => Zip(other, nameof(Subtract), static (a, b) => a - b);

    /// <summary>Multiplies element by element (the Hadamard product).</summary>
    /// <exception cref="TensorShapeException">The shapes differ.</exception>
    public Tensor Multiply(Tensor other) => Zip(other, nameof(Multiply), static (a, b) => a * b);

    /// <summary>Multiplies every element by <paramref name="factor"/>.</summary>
    public Tensor Scale(double factor) => Map(x => x * factor);

    /// <summary>Applies <paramref name="function"/> to every element.</summary>
    public Tensor Map(Func<double, double> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var result = new double[_data.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = function(_data[i]);
        }

        return new Tensor(Shape, result);
    }

    /// <summary>
    /// Sums over <paramref name="axis"/>: axis 0 sums each column over the rows and gives [1,C]
    /// (a bias gradient is the sum of dY over the batch); axis 1 sums each row and gives [R,1].
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not 0 or 1.</exception>
    public Tensor Sum(int axis)
    {
        if (axis == 0)
        {
            var result = new double[Columns];
            for (int i = 0; i < Rows; i++)
            {
                int offset = i * Columns;
                for (int j = 0; j < Columns; j++)
                {
                    result[j] += _data[offset + j];
                }
            }

            return new Tensor(new Shape(1, Columns), result);
        }

        if (axis == 1)
        {
            var result = new double[Rows];
            for (int i = 0; i < Rows; i++)
            {
                double total = 0;
                int offset = i * Columns;
                for (int j = 0; j < Columns; j++)
                {
                    total += _data[offset + j];
                }

                result[i] = total;
            }

            return new Tensor(new Shape(Rows, 1), result);
        }

        throw new ArgumentOutOfRangeException(nameof(axis), axis,
            "Sum: the axis must be 0 (sum over rows, giving [1,C]) or 1 (sum over columns, " +
            "giving [R,1]).");
    }

    /// <summary>Sums every element.</summary>
    public double Sum()
    {
        double total = 0;
        foreach (double value in _data)
        {
            total += value;
        }

        return total;
    }

    private Tensor Zip(Tensor other, string operation, Func<double, double, double> function)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Shape != other.Shape)
        {
            throw ShapeErrors.Elementwise(operation, Shape, other.Shape);
        }

        var result = new double[_data.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = function(_data[i], other._data[i]);
        }

        return new Tensor(Shape, result);
    }
}
