using InteractiveBackprop.Tensors.Simd;

namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Adds element by element with numpy's broadcasting: shapes are aligned from the right,
    /// and each pair of dimensions must be equal or contain a 1, which is stretched. A [B,M]
    /// batch plus a [1,M] or [M] bias adds the bias to every row; the result has the larger
    /// rank.
    /// </summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Tensor Add(Tensor other) =>
        Broadcast<BinaryOperators.Add>(nameof(Add), this, other);

    /// <summary>Subtracts <paramref name="other"/> element by element, with broadcasting as in
    /// <see cref="Add(Tensor)"/>.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Tensor Subtract(Tensor other) =>
        Broadcast<BinaryOperators.Subtract>(nameof(Subtract), this, other);

    /// <summary>Multiplies element by element (the Hadamard product), with broadcasting as in
    /// <see cref="Add(Tensor)"/>.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Tensor Multiply(Tensor other) =>
        Broadcast<BinaryOperators.Multiply>(nameof(Multiply), this, other);

    /// <summary>Divides element by element, with broadcasting as in <see cref="Add(Tensor)"/>.
    /// Division by zero gives ±infinity or NaN, as IEEE 754 defines.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Tensor Divide(Tensor other) =>
        Broadcast<BinaryOperators.Divide>(nameof(Divide), this, other);

    /// <summary>
    /// Adds the [1,C] row <paramref name="row"/> to every row of this [R,C] tensor, the broadcast
    /// of a bias over a batch.
    /// </summary>
    /// <exception cref="TensorShapeException"><paramref name="row"/> is not of shape [1,C], or
    /// this tensor is not a matrix.</exception>
    public Tensor AddRow(Tensor row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Rank != 2 || row.Rank != 2 || row.Rows != 1 || row.Columns != Columns)
        {
            throw ShapeErrors.RowBroadcast(nameof(AddRow), Shape, row.Shape);
        }

        return Broadcast<BinaryOperators.Add>(nameof(AddRow), this, row);
    }

    /// <summary>Adds <paramref name="value"/> to every element.</summary>
    public Tensor Add(double value) => Unary<UnaryOperators.AddScalar>(this, value);

    /// <summary>Multiplies every element by <paramref name="factor"/>.</summary>
    public Tensor Scale(double factor) => Unary<UnaryOperators.Scale>(this, factor);

    /// <summary>Negates every element.</summary>
    public Tensor Negate() => Unary<UnaryOperators.Negate>(this, 0);

    /// <summary>Squares every element.</summary>
    public Tensor Square() => Unary<UnaryOperators.Square>(this, 0);

    /// <summary>Takes the square root of every element; a negative element gives NaN.</summary>
    public Tensor Sqrt() => Unary<UnaryOperators.Sqrt>(this, 0);

    /// <summary>Computes eˣ of every element; overflow gives +infinity.</summary>
    public Tensor Exp() => Map(Math.Exp);

    /// <summary>Computes the natural logarithm of every element: log 0 = −infinity, and a
    /// negative element gives NaN.</summary>
    public Tensor Log() => Map(Math.Log);

    /// <summary>Computes tanh x of every element.</summary>
    public Tensor Tanh() => Map(Math.Tanh);

    /// <summary>Computes the logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ) of every element, in a form
    /// that does not overflow for large |x|.</summary>
    public Tensor Sigmoid() => Map(SigmoidOf);

    /// <summary>Computes ReLU(x) = max(0, x) of every element; NaN stays NaN.</summary>
    public Tensor Relu() => Unary<UnaryOperators.Relu>(this, 0);

    /// <summary>
    /// Passes this gradient dY back through a ReLU whose forward input was
    /// <paramref name="input"/>: dX = 0 where the input is at most 0, and dY elsewhere, as
    /// PyTorch's threshold backward computes it. So an input of 0 gives 0, a NaN input passes dY
    /// through, and a non-finite dY where the input is at most 0 gives 0, not NaN. It takes one
    /// pass over memory, where <c>dY.Multiply(input.Map(x =&gt; x &gt; 0 ? 1 : 0))</c> takes two.
    /// </summary>
    /// <exception cref="TensorShapeException"><paramref name="input"/> does not have this
    /// tensor's shape.</exception>
    public Tensor ReluBackward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Shape != Shape)
        {
            throw ShapeErrors.SameShape(nameof(ReluBackward), "dY", Shape,
                "the forward input X", input.Shape, "dY must have the shape of the ReLU's input");
        }

        var result = GC.AllocateUninitializedArray<double>(_data.Length);
        SimdLoops.Binary<BinaryOperators.ReluBackward>(_data, input._data, result);
        return new Tensor(Shape, result);
    }

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

    /// <summary>Adds element by element with broadcasting.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator +(Tensor left, Tensor right) =>
        Broadcast<BinaryOperators.Add>("+", left, right);

    /// <summary>Subtracts element by element with broadcasting.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator -(Tensor left, Tensor right) =>
        Broadcast<BinaryOperators.Subtract>("-", left, right);

    /// <summary>Multiplies element by element with broadcasting; this is not the matrix
    /// product, which is <see cref="MatMul"/>.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator *(Tensor left, Tensor right) =>
        Broadcast<BinaryOperators.Multiply>("*", left, right);

    /// <summary>Divides element by element with broadcasting.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public static Tensor operator /(Tensor left, Tensor right) =>
        Broadcast<BinaryOperators.Divide>("/", left, right);

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(Tensor left, double right) => NotNull(left).Add(right);

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(double left, Tensor right) => NotNull(right).Add(left);

    /// <summary>Subtracts a number from every element.</summary>
    public static Tensor operator -(Tensor left, double right) => NotNull(left).Add(-right);

    /// <summary>Subtracts every element from a number.</summary>
    public static Tensor operator -(double left, Tensor right) =>
        Unary<UnaryOperators.SubtractFromScalar>(NotNull(right), left);

    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(Tensor left, double right) => NotNull(left).Scale(right);

    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(double left, Tensor right) => NotNull(right).Scale(left);

    /// <summary>Divides every element by a number.</summary>
    public static Tensor operator /(Tensor left, double right) =>
        Unary<UnaryOperators.DivideByScalar>(NotNull(left), right);

    /// <summary>Divides a number by every element.</summary>
    public static Tensor operator /(double left, Tensor right) =>
        Unary<UnaryOperators.DivideScalar>(NotNull(right), left);

    /// <summary>Negates every element.</summary>
    public static Tensor operator -(Tensor value) => NotNull(value).Negate();

    /// <summary>
    /// Returns the shape that numpy's broadcasting gives <paramref name="left"/> and
    /// <paramref name="right"/>: aligned from the right, equal dimensions stay and a 1 stretches
    /// to the other operand's size.
    /// </summary>
    /// <exception cref="TensorShapeException">A pair of dimensions differs and neither is 1.
    /// </exception>
    public static Shape BroadcastShape(Shape left, Shape right) =>
        BroadcastShape(nameof(BroadcastShape), left, right);

    internal static Shape BroadcastShape(string operation, Shape left, Shape right)
    {
        int rows = BroadcastDimension(left.Rows, right.Rows);
        int columns = BroadcastDimension(left.Columns, right.Columns);
        if (rows == 0 || columns == 0)
        {
            throw ShapeErrors.Elementwise(operation, left, right);
        }

        return Math.Max(left.Rank, right.Rank) switch
        {
            2 => new Shape(rows, columns),
            1 => Shape.Vector(columns),
            _ => Shape.Scalar,
        };
    }

    internal static double SigmoidOf(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        // For negative x, e⁻ˣ could overflow; eˣ / (1 + eˣ) is the same value without it.
        double exp = Math.Exp(x);
        return exp / (1.0 + exp);
    }

    /// <summary>Returns the broadcast size of two dimensions, or 0 when they are
    /// incompatible.</summary>
    private static int BroadcastDimension(int left, int right)
    {
        if (left == right || right == 1)
        {
            return left;
        }

        return left == 1 ? right : 0;
    }

    private static Tensor NotNull(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return tensor;
    }

    private static Tensor Broadcast<TOperator>(string operation, Tensor left, Tensor right)
        where TOperator : struct, IBinaryOperator
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var shape = BroadcastShape(operation, left.Shape, right.Shape);
        var result = GC.AllocateUninitializedArray<double>(shape.Length);
        double[] a = left._data;
        double[] b = right._data;
        if (a.Length == result.Length && b.Length == result.Length)
        {
            SimdLoops.Binary<TOperator>(a, b, result);
            return new Tensor(shape, result);
        }

        // The matrix views are the [1,1] and [1,N] padding that numpy's rule gives a scalar and
        // a vector. A full row of one operand against a repeated row of the other (a bias over
        // a batch) runs vectorised a row at a time; other combinations take the strided loop,
        // where a stride of 0 repeats a size-1 axis.
        int rows = shape.Rows;
        int columns = shape.Columns;
        if (left.Columns == columns && right.Columns == columns && b.Length == columns)
        {
            for (int i = 0; i < rows; i++)
            {
                SimdLoops.Binary<TOperator>(
                    a.AsSpan(i * columns, columns), b, result.AsSpan(i * columns, columns));
            }

            return new Tensor(shape, result);
        }

        if (left.Columns == columns && right.Columns == columns && a.Length == columns)
        {
            for (int i = 0; i < rows; i++)
            {
                SimdLoops.Binary<TOperator>(
                    a, b.AsSpan(i * columns, columns), result.AsSpan(i * columns, columns));
            }

            return new Tensor(shape, result);
        }

        int leftRowStride = left.Rows == 1 ? 0 : left.Columns;
        int leftColumnStride = left.Columns == 1 ? 0 : 1;
        int rightRowStride = right.Rows == 1 ? 0 : right.Columns;
        int rightColumnStride = right.Columns == 1 ? 0 : 1;
        for (int i = 0; i < rows; i++)
        {
            int leftOffset = i * leftRowStride;
            int rightOffset = i * rightRowStride;
            int offset = i * columns;
            for (int j = 0; j < columns; j++)
            {
                result[offset + j] = TOperator.Apply(
                    a[leftOffset + j * leftColumnStride], b[rightOffset + j * rightColumnStride]);
            }
        }

        return new Tensor(shape, result);
    }

    private static Tensor Unary<TOperator>(Tensor tensor, double argument)
        where TOperator : struct, IUnaryOperator
    {
        var result = GC.AllocateUninitializedArray<double>(tensor._data.Length);
        SimdLoops.Unary<TOperator>(tensor._data, argument, result);
        return new Tensor(tensor.Shape, result);
    }
}
