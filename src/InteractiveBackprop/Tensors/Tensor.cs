using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>
/// A dense matrix of doubles in row-major order. A bias is a [1,M] row that operations such as
/// <see cref="AddRow"/> broadcast over the rows of a batch.
/// </summary>
/// <remarks>
/// A tensor's shape is fixed once it is created. Operations return new tensors and leave their
/// operands unchanged. Non-finite values propagate by the rules of IEEE 754 arithmetic, and none is replaced.
/// </remarks>
public sealed partial class Tensor
{
    private readonly double[] _data;

    private Tensor(Shape shape, double[] data)
    {
        Shape = shape;
        _data = data;
    }

    /// <summary>The shape, [rows, columns].</summary>
    public Shape Shape { get; }

    /// <summary>The number of rows.</summary>
    public int Rows => Shape.Rows;

    /// <summary>The number of columns.</summary>
    public int Columns => Shape.Columns;

    /// <summary>The number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>The elements in row-major order, without a copy.</summary>
    public ReadOnlySpan<double> Span => _data;

    /// <summary>Gets or sets the element at <paramref name="row"/>, <paramref name="column"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index lies outside the shape.</exception>
    public double this[int row, int column]
    {
        get => _data[Offset(row, column)];
        set => _data[Offset(row, column)] = value;
    }

    /// <summary>The storage, for kernels inside the core that write results in place.</summary>
    internal double[] Data => _data;

    /// <summary>Creates a tensor of the given shape filled with zeros.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    public static Tensor Zeros(int rows, int columns)
    {
        CheckDimensions(rows, columns);
        return new Tensor(new Shape(rows, columns), new double[rows * columns]);
    }

    /// <summary>Creates a tensor that copies <paramref name="values"/>, row by row.</summary>
    /// <param name="values">The elements, indexed [row, column]; at least one of each.</param>
    /// <exception cref="ArgumentException">The array has no elements.</exception>
    public static Tensor FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0);
        int columns = values.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException(
                $"FromArray: the array has shape [{rows},{columns}]; a tensor needs at least " +
                "one row and one column.", nameof(values));
        }

        var data = new double[rows * columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                data[i * columns + j] = values[i, j];
            }
        }

        return new Tensor(new Shape(rows, columns), data);
    }

    /// <summary>Creates a [1,M] row that copies <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Tensor Row(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw new ArgumentException(
                "Row: no values were given; a row needs at least one.", nameof(values));
        }

        return new Tensor(new Shape(1, values.Length), (double[])values.Clone());
    }

    /// <summary>
    /// Creates a tensor of shape [<paramref name="rows"/>, <paramref name="columns"/>] that copies
    /// <paramref name="values"/>, given in row-major order.
    /// </summary>
    /// <exception cref="ArgumentException">The number of values is not rows × columns.</exception>
    public static Tensor FromRowMajor(int rows, int columns, ReadOnlySpan<double> values)
    {
        CheckDimensions(rows, columns);
        if (values.Length != rows * columns)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"FromRowMajor: {values.Length} values cannot fill shape [{rows},{columns}], " +
                $"which needs {rows * columns}."), nameof(values));
        }

        return new Tensor(new Shape(rows, columns), values.ToArray());
    }

    /// <summary>
    /// Creates a tensor of independent values drawn uniformly from
    /// [<paramref name="low"/>, <paramref name="high"/>) by a generator seeded with
    /// <paramref name="seed"/>, so that the same seed always gives the same tensor.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, or
    /// <paramref name="high"/> is not above <paramref name="low"/>.</exception>
    public static Tensor RandomUniform(
        int rows, int columns, int seed, double low = -1.0, double high = 1.0)
    {
        CheckDimensions(rows, columns);
        if (!(high > low))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, string.Create(
                CultureInfo.InvariantCulture,
                $"RandomUniform: the interval [{low}, {high}) is empty; high must exceed low."));
        }

        var random = new Random(seed);
        var data = new double[rows * columns];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = low + (high - low) * random.NextDouble();
        }

        return new Tensor(new Shape(rows, columns), data);
    }

    /// <summary>Creates a copy that shares no storage with this tensor.</summary>
    public Tensor Clone() => new(Shape, (double[])_data.Clone());

    /// <summary>Copies the elements into a new [rows, columns] array.</summary>
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

    /// <summary>Formats the tensor as plain text, the form numpy prints.</summary>
    public override string ToString() => Rendering.TensorText.Format(this);

    internal static Tensor Wrap(Shape shape, double[] data) => new(shape, data);

    private int Offset(int row, int column)
    {
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

    private static void CheckDimensions(int rows, int columns)
    {
        if (rows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows,
                "Tensor: the row count must be at least 1.");
        }

        if (columns < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(columns), columns,
                "Tensor: the column count must be at least 1.");
        }
    }
}
