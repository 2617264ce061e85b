namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>Sums every element. NaN anywhere gives NaN, and +∞ with −∞ gives NaN.</summary>
    public double Sum()
    {
        double total = 0;
        foreach (double value in _data)
        {
            total += value;
        }

        return total;
    }

    /// <summary>
    /// Sums over <paramref name="axis"/> (−1 is the last axis). On a matrix [R,C], axis 0 sums
    /// each column over the rows and gives [1,C], the shape of a bias gradient, and axis 1 sums
    /// each row and gives [R,1]. On a vector [N], axis 0 gives [1].
    /// </summary>
    /// <param name="axis">The axis to reduce.</param>
    /// <param name="keepDimensions">Whether the reduced axis stays with size 1. Unlike numpy the
    /// default is <see langword="true"/>, so that a bias gradient has the bias's shape; pass
    /// <see langword="false"/> for numpy's [C], [R] or [] instead.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of
    /// this tensor.</exception>
    public Tensor Sum(int axis, bool keepDimensions = true)
    {
        if (Rank == 2 && ViewAxis(nameof(Sum), axis) == 0)
        {
            return new Tensor(ReducedShape(0, keepDimensions), ColumnTotals());
        }

        return Reduce(nameof(Sum), axis, keepDimensions, SumLine);
    }

    /// <summary>Averages every element: <see cref="Sum()"/> divided by <see cref="Length"/>.
    /// </summary>
    public double Mean() => Sum() / _data.Length;

    /// <summary>Averages over <paramref name="axis"/>, with shapes as in
    /// <see cref="Sum(int, bool)"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of
    /// this tensor.</exception>
    public Tensor Mean(int axis, bool keepDimensions = true)
    {
        if (Rank == 2 && ViewAxis(nameof(Mean), axis) == 0)
        {
            var totals = ColumnTotals();
            Simd.SimdLoops.Unary<Simd.UnaryOperators.DivideByScalar>(totals, Rows, totals);
            return new Tensor(ReducedShape(0, keepDimensions), totals);
        }

        return Reduce(nameof(Mean), axis, keepDimensions,
            (data, start, count, step) => SumLine(data, start, count, step) / count);
    }

    /// <summary>Returns the largest element; NaN anywhere gives NaN, as in numpy and PyTorch.
    /// </summary>
    public double Max() => _data[ArgMaxLine(_data, 0, _data.Length, 1)];

    /// <summary>Takes the largest element over <paramref name="axis"/>, with shapes as in
    /// <see cref="Sum(int, bool)"/>; a line that contains NaN gives NaN.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of
    /// this tensor.</exception>
    public Tensor Max(int axis, bool keepDimensions = true) =>
        Reduce(nameof(Max), axis, keepDimensions,
            (data, start, count, step) =>
                data[start + step * ArgMaxLine(data, start, count, step)]);

    /// <summary>Returns the row-major index of the largest element, the first one on a tie; the
    /// first NaN counts as the largest, as in numpy and PyTorch.</summary>
    public int ArgMax() => ArgMaxLine(_data, 0, _data.Length, 1);

    /// <summary>
    /// Returns, for each line along <paramref name="axis"/>, the index of its largest element
    /// (ties and NaN as in <see cref="ArgMax()"/>). On a batch of scores [B,C], axis 1 (or −1)
    /// gives the predicted class of each of the B rows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of
    /// this tensor.</exception>
    public int[] ArgMax(int axis)
    {
        var (lines, length, lineStep, step) = Lines(nameof(ArgMax), axis);
        var result = new int[lines];
        for (int line = 0; line < lines; line++)
        {
            result[line] = ArgMaxLine(_data, line * lineStep, length, step);
        }

        return result;
    }

    /// <summary>
    /// Describes the lines along <paramref name="axis"/> in the storage: how many there are, how
    /// many elements each has, where consecutive lines start, and the step between elements.
    /// </summary>
    internal (int Lines, int Length, int LineStep, int Step) Lines(string operation, int axis)
    {
        int viewAxis = ViewAxis(operation, axis);
        return viewAxis == 1 ? (Rows, Columns, Columns, 1) : (Columns, Rows, 1, Columns);
    }

    /// <summary>Maps an axis of this tensor, −1 included, to the axis of the matrix view.
    /// </summary>
    internal int ViewAxis(string operation, int axis)
    {
        int normalised = axis < 0 ? axis + Rank : axis;
        if (normalised < 0 || normalised >= Rank)
        {
            throw ShapeErrors.Axis(operation, axis, Shape);
        }

        // A vector's only axis runs along the columns of its [1,N] view.
        return Rank == 1 ? 1 : normalised;
    }

    /// <summary>Returns the shape of a reduction over view axis <paramref name="viewAxis"/>.
    /// </summary>
    internal Shape ReducedShape(int viewAxis, bool keepDimensions)
    {
        if (Rank == 1)
        {
            return keepDimensions ? Shape.Vector(1) : Shape.Scalar;
        }

        if (viewAxis == 0)
        {
            return keepDimensions ? new Shape(1, Columns) : Shape.Vector(Columns);
        }

        return keepDimensions ? new Shape(Rows, 1) : Shape.Vector(Rows);
    }

    // Sums each column of the matrix by adding whole rows, which keeps each column's order of
    // addition and runs vectorised.
    private double[] ColumnTotals()
    {
        var totals = new double[Columns];
        Simd.SimdLoops.ColumnSums(_data, Rows, totals);
        return totals;
    }

    private Tensor Reduce(
        string operation, int axis, bool keepDimensions, Func<double[], int, int, int, double> line)
    {
        var (lines, length, lineStep, step) = Lines(operation, axis);
        var result = new double[lines];
        for (int i = 0; i < lines; i++)
        {
            result[i] = line(_data, i * lineStep, length, step);
        }

        return new Tensor(ReducedShape(ViewAxis(operation, axis), keepDimensions), result);
    }

    private static double SumLine(double[] data, int start, int count, int step)
    {
        double total = 0;
        for (int k = 0; k < count; k++)
        {
            total += data[start + k * step];
        }

        return total;
    }

    private static int ArgMaxLine(double[] data, int start, int count, int step)
    {
        int best = 0;
        double bestValue = data[start];
        for (int k = 1; k < count && !double.IsNaN(bestValue); k++)
        {
            double value = data[start + k * step];
            if (value > bestValue || double.IsNaN(value))
            {
                best = k;
                bestValue = value;
            }
        }

        return best;
    }
}
