using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>
/// A dense tensor of doubles of rank 0 (a scalar), 1 (a vector) or 2 (a matrix), stored in
/// row-major order. A bias is a [1,M] row that element-wise operations broadcast over the rows
/// of a batch, following numpy's broadcasting rules.
/// </summary>
/// <remarks>
/// A tensor's shape is fixed once it is created, and every dimension is at least 1. Operations
/// return new tensors and leave their operands unchanged. Only the indexers' setters write in
/// place, and an optimiser's Step, which updates each parameter's value in place. Non-finite
/// values propagate as IEEE 754 arithmetic defines, and none is replaced or rejected, except
/// that <see cref="ReluBackward"/> gives 0 wherever the input is not positive, whatever dY
/// holds there. The operations are split by concern into partial files: creation, element
/// access, shaping, element-wise arithmetic, reductions, softmax and comparison.
/// </remarks>
public sealed partial class Tensor
{
    private readonly double[] _data;

    static Tensor() => Gemm.GemmWarmUp.Start();

    private Tensor(Shape shape, double[] data)
    {
        Shape = shape;
        _data = data;
    }

    /// <summary>The shape: [], [N] or [R,C].</summary>
    public Shape Shape { get; }

    /// <summary>The number of dimensions: 0, 1 or 2.</summary>
    public int Rank => Shape.Rank;

    /// <summary>The number of rows of the matrix view (see <see cref="Shape.Rows"/>).</summary>
    public int Rows => Shape.Rows;

    /// <summary>The number of columns of the matrix view (see <see cref="Shape.Columns"/>).
    /// </summary>
    public int Columns => Shape.Columns;

    /// <summary>The number of elements.</summary>
    public int Length => _data.Length;

    /// <summary>The elements in row-major order, without a copy.</summary>
    public ReadOnlySpan<double> Span => _data;

    /// <summary>The storage in row-major order, for kernels inside the core that write results
    /// in place.</summary>
    internal double[] Data => _data;

    /// <summary>Formats the tensor as plain text, the form numpy prints.</summary>
    public override string ToString() => Rendering.TensorText.Format(this);

    /// <summary>Wraps <paramref name="data"/> without a copy; the caller gives up the array.
    /// </summary>
    internal static Tensor Wrap(Shape shape, double[] data)
    {
        if (data.Length != shape.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Tensor.Wrap: {data.Length} values cannot fill shape {shape}, which needs " +
                $"{shape.Length}."), nameof(data));
        }

        return new Tensor(shape, data);
    }
}
