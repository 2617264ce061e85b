using System.Globalization;

namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>Creates a [<paramref name="rows"/>,<paramref name="columns"/>] matrix of zeros.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    public static Tensor Zeros(int rows, int columns) => Zeros(new Shape(rows, columns));

    /// <summary>Creates a tensor of <paramref name="shape"/> filled with zeros.</summary>
    public static Tensor Zeros(Shape shape) => new(shape, new double[shape.Length]);

    /// <summary>Creates a [<paramref name="rows"/>,<paramref name="columns"/>] matrix of ones.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    public static Tensor Ones(int rows, int columns) => Full(new Shape(rows, columns), 1.0);

    /// <summary>Creates a tensor of <paramref name="shape"/> filled with ones.</summary>
    public static Tensor Ones(Shape shape) => Full(shape, 1.0);

    /// <summary>Creates a tensor of <paramref name="shape"/> with every element equal to
    /// <paramref name="value"/>, which may be NaN or infinite.</summary>
    public static Tensor Full(Shape shape, double value)
    {
        var data = new double[shape.Length];
        Array.Fill(data, value);
        return new Tensor(shape, data);
    }

    /// <summary>Creates the [<paramref name="size"/>,<paramref name="size"/>] identity matrix.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is less than 1.
    /// </exception>
    public static Tensor Identity(int size)
    {
        var result = Zeros(new Shape(size, size));
        for (int i = 0; i < size; i++)
        {
            result._data[i * size + i] = 1.0;
        }

        return result;
    }

    /// <summary>Creates a scalar, a tensor of shape [].</summary>
    public static Tensor Scalar(double value) => new(Shape.Scalar, [value]);

    /// <summary>Creates a vector [N] that copies <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Tensor Vector(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireValues(nameof(Vector), values.Length, nameof(values));
        return new Tensor(Shape.Vector(values.Length), (double[])values.Clone());
    }

    /// <summary>Creates a [1,M] row that copies <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Tensor Row(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireValues(nameof(Row), values.Length, nameof(values));
        return new Tensor(new Shape(1, values.Length), (double[])values.Clone());
    }

    /// <summary>Creates a [N,1] column that copies <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Tensor Column(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        RequireValues(nameof(Column), values.Length, nameof(values));
        return new Tensor(new Shape(values.Length, 1), (double[])values.Clone());
    }

    /// <summary>Creates a matrix that copies <paramref name="values"/>, row by row.</summary>
    /// <param name="values">The elements, indexed [row, column]; at least one of each.</param>
    /// <exception cref="ArgumentException">The array has no elements.</exception>
    public static Tensor FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int rows = values.GetLength(0);
        int columns = values.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"FromArray: the array has shape [{rows},{columns}]; a tensor needs at least " +
                $"one row and one column."), nameof(values));
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

    /// <summary>Creates a vector [N] that copies <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty.</exception>
    public static Tensor FromArray(double[] values) => Vector(values);

    /// <summary>
    /// Creates a matrix of shape [<paramref name="rows"/>, <paramref name="columns"/>] that copies
    /// <paramref name="values"/>, given in row-major order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1.</exception>
    /// <exception cref="ArgumentException">The number of values is not rows × columns.</exception>
    public static Tensor FromRowMajor(int rows, int columns, ReadOnlySpan<double> values) =>
        FromRowMajor(new Shape(rows, columns), values);

    /// <summary>Creates a tensor of <paramref name="shape"/> that copies
    /// <paramref name="values"/>, given in row-major order.</summary>
    /// <exception cref="ArgumentException">The number of values differs from the shape's
    /// length.</exception>
    public static Tensor FromRowMajor(Shape shape, ReadOnlySpan<double> values)
    {
        if (values.Length != shape.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"FromRowMajor: {values.Length} values cannot fill shape {shape}, " +
                $"which needs {shape.Length}."), nameof(values));
        }

        return new Tensor(shape, values.ToArray());
    }

    /// <summary>
    /// Creates a matrix of independent values drawn uniformly from
    /// [<paramref name="low"/>, <paramref name="high"/>) by a generator seeded with
    /// <paramref name="seed"/>, so that the same seed always gives the same tensor.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is less than 1, or
    /// <paramref name="high"/> is not above <paramref name="low"/>.</exception>
    public static Tensor RandomUniform(
        int rows, int columns, int seed, double low = -1.0, double high = 1.0) =>
        RandomUniform(new Shape(rows, columns), seed, low, high);

    /// <summary>Creates a tensor of <paramref name="shape"/> drawn uniformly from
    /// [<paramref name="low"/>, <paramref name="high"/>) by a generator seeded with
    /// <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is not above
    /// <paramref name="low"/>, or either bound is not finite.</exception>
    public static Tensor RandomUniform(Shape shape, int seed, double low = -1.0, double high = 1.0)
    {
        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, string.Create(
                CultureInfo.InvariantCulture,
                $"RandomUniform: the interval [{low}, {high}) is invalid; both bounds must be " +
                $"finite and high must exceed low."));
        }

        var random = new Random(seed);
        var data = new double[shape.Length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = low + (high - low) * random.NextDouble();
        }

        return new Tensor(shape, data);
    }

    /// <summary>Creates a tensor of <paramref name="shape"/> drawn from the normal distribution
    /// with <paramref name="mean"/> and <paramref name="standardDeviation"/>, by the Box–Muller
    /// transform of a generator seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="standardDeviation"/> is
    /// negative or not finite, or <paramref name="mean"/> is not finite.</exception>
    public static Tensor RandomNormal(
        Shape shape, int seed, double mean = 0.0, double standardDeviation = 1.0)
    {
        if (!(standardDeviation >= 0) || !double.IsFinite(standardDeviation))
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation,
                "RandomNormal: the standard deviation must be finite and not negative.");
        }

        if (!double.IsFinite(mean))
        {
            throw new ArgumentOutOfRangeException(nameof(mean), mean,
                "RandomNormal: the mean must be finite.");
        }

        var random = new Random(seed);
        var data = new double[shape.Length];
        for (int i = 0; i < data.Length; i += 2)
        {
            // 1 − NextDouble() lies in (0, 1], so the logarithm is finite.
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble()));
            double angle = 2.0 * Math.PI * random.NextDouble();
            data[i] = mean + standardDeviation * radius * Math.Cos(angle);
            if (i + 1 < data.Length)
            {
                data[i + 1] = mean + standardDeviation * radius * Math.Sin(angle);
            }
        }

        return new Tensor(shape, data);
    }

    /// <summary>
    /// Creates an [<paramref name="fanIn"/>,<paramref name="fanOut"/>] weight by Xavier (Glorot)
    /// uniform initialisation: U(−a, a) with a = √(6 / (fanIn + fanOut)), which keeps the
    /// variance of activations and gradients about equal across tanh or sigmoid layers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A fan is less than 1.</exception>
    public static Tensor Xavier(int fanIn, int fanOut, int seed)
    {
        var shape = new Shape(fanIn, fanOut);
        double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
        return RandomUniform(shape, seed, -bound, bound);
    }

    /// <summary>
    /// Creates an [<paramref name="fanIn"/>,<paramref name="fanOut"/>] weight by He (Kaiming)
    /// normal initialisation: N(0, 2 / fanIn), which keeps the variance of activations about
    /// equal across ReLU layers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A fan is less than 1.</exception>
    public static Tensor He(int fanIn, int fanOut, int seed)
    {
        var shape = new Shape(fanIn, fanOut);
        return RandomNormal(shape, seed, 0.0, Math.Sqrt(2.0 / fanIn));
    }

    private static void RequireValues(string operation, int count, string parameter)
    {
        if (count == 0)
        {
            throw new ArgumentException(
                $"{operation}: no values were given; a tensor needs at least one.", parameter);
        }
    }
}
