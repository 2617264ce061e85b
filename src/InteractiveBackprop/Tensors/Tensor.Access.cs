using System.Globalization;

namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>Gets or sets element <paramref name="index"/> of a vector [N].</summary>
    /// <exception cref="TensorShapeException">The tensor is not of rank 1.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside 0 to
    /// N − 1.</exception>
    public double this[int index]
    {
        get => _data[VectorOffset(index)];
        set => _data[VectorOffset(index)] = value;
    }

    /// <summary>Gets or sets the element at <paramref name="row"/>, <paramref name="column"/>
    /// of a matrix [R,C].</summary>
    /// <exception cref="TensorShapeException">The tensor is not of rank 2.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The index lies outside the shape.</exception>
    public double this[int row, int column]
    {
        get => _data[MatrixOffset(row, column)];
        set => _data[MatrixOffset(row, column)] = value;
    }

    /// <summary>Returns the only element of a tensor of one element, such as a scalar, a [1]
    /// vector or a [1,1] matrix (PyTorch's <c>item()</c>).</summary>
    /// <exception cref="TensorShapeException">The tensor has more than one element.</exception>
    public double ToDouble()
    {
        if (_data.Length != 1)
        {
            throw ShapeErrors.NotOneElement(nameof(ToDouble), Shape);
        }

        return _data[0];
    }

    /// <summary>Copies the elements into a new [Rows, Columns] array of the matrix view.</summary>
    public double[,] ToArray()
    {
        var result = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                result[i, j] = _data[i * Columns + j];
            }
        }

        return result;
    }

    /// <summary>Copies the elements, in row-major order, into a new array.</summary>
    public double[] ToFlatArray() => (double[])_data.Clone();

    /// <summary>Creates a copy that shares no storage with this tensor.</summary>
    public Tensor Clone() => new(Shape, (double[])_data.Clone());

    /// <summary>Reads the element at <paramref name="row"/>, <paramref name="column"/> of the
    /// matrix view, whatever the rank; the renderers use it.</summary>
    internal double At(int row, int column) => _data[row * Columns + column];

    private int VectorOffset(int index)
    {
        if (Rank != 1)
        {
            throw ShapeErrors.Rank("Tensor index [i]", Shape, "1",
                "use [row, column] for a matrix and ToDouble() for a scalar");
        }

        if ((uint)index >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, string.Create(
                CultureInfo.InvariantCulture,
                $"Tensor index: index {index} is outside a tensor of shape {Shape}; " +
                $"valid indices are 0 to {Columns - 1}."));
        }

        return index;
    }

    private int MatrixOffset(int row, int column)
    {
        if (Rank != 2)
        {
            throw ShapeErrors.Rank("Tensor index [row, column]", Shape, "2",
                "use [i] for a vector and ToDouble() for a scalar");
        }

        if ((uint)row >= (uint)Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, string.Create(
                CultureInfo.InvariantCulture,
                $"Tensor index: row {row} is outside a tensor of shape {Shape}; " +
                $"valid rows are 0 to {Rows - 1}."));
        }

        if ((uint)column >= (uint)Columns)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, string.Create(
                CultureInfo.InvariantCulture,
                $"Tensor index: column {column} is outside a tensor of shape {Shape}; " +
                $"valid columns are 0 to {Columns - 1}."));
        }

        return row * Columns + column;
    }
}
