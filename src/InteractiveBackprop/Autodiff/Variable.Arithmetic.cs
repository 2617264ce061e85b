using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Autodiff;

public sealed partial class Variable
{
    /// <summary>
    /// Computes the matrix product Y = A·B of this variable A and <paramref name="other"/> B,
    /// with the shapes of <see cref="Tensor.MatMul"/>: [M,K]·[K,N] gives [M,N], [K]·[K,N] gives
    /// [N], [M,K]·[K] gives [M], and [K]·[K] gives a scalar. Backward: dA = G·Bᵀ and
    /// dB = Aᵀ·G, with G = ∂L/∂Y, computed on the matrix view in which a vector A is the row
    /// [1,K] and a vector B the column [K,1]. Each gradient then has its operand's own shape,
    /// so a [K] operand receives a [K] gradient.
    /// </summary>
    /// <exception cref="TensorShapeException">An operand is a scalar, or the inner dimensions
    /// differ.</exception>
    public Variable MatMul(Variable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var a = Value;
        var b = other.Value;
        return Record(a.MatMul(b), nameof(MatMul), [this, other], g => MatMulGradients(a, b, g));
    }

    /// <summary>
    /// Adds with numpy's broadcasting (see <see cref="Tensor.Add(Tensor)"/>). Backward: each
    /// operand receives G summed over the dimensions it was stretched along, so a [1,M] bias
    /// added to a [B,M] batch receives db = 1ᵀG, the column sums of G.
    /// </summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Variable Add(Variable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (Shape, other.Shape);
        return Record(Value.Add(other.Value), nameof(Add), [this, other],
            g => [ReduceTo(g, a), ReduceTo(g, b)]);
    }

    /// <summary>Subtracts with broadcasting. Backward: G to this operand and −G to
    /// <paramref name="other"/>, each summed over its stretched dimensions.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Variable Subtract(Variable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (Shape, other.Shape);
        return Record(Value.Subtract(other.Value), nameof(Subtract), [this, other],
            g => [ReduceTo(g, a), ReduceTo(g.Negate(), b)]);
    }

    /// <summary>Multiplies element by element with broadcasting. Backward: d(this) = G ⊙ other
    /// and d(other) = G ⊙ this, each summed over its stretched dimensions.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Variable Multiply(Variable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (Value, other.Value);
        return Record(a.Multiply(b), nameof(Multiply), [this, other],
            g => [ReduceTo(g.Multiply(b), a.Shape), ReduceTo(g.Multiply(a), b.Shape)]);
    }

    /// <summary>Divides element by element with broadcasting. Backward: d(this) = G / other and
    /// d(other) = −G ⊙ this / other², each summed over its stretched dimensions.</summary>
    /// <exception cref="TensorShapeException">The shapes cannot be broadcast together.</exception>
    public Variable Divide(Variable other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var (a, b) = (Value, other.Value);
        return Record(a.Divide(b), nameof(Divide), [this, other], g =>
        [
            ReduceTo(g.Divide(b), a.Shape),
            ReduceTo(g.Multiply(a).Divide(b.Square()).Negate(), b.Shape),
        ]);
    }

    /// <summary>Adds <paramref name="value"/> to every element. Backward: G.</summary>
    public Variable Add(double value) =>
        Record(Value.Add(value), nameof(Add), [this], g => [g]);

    /// <summary>Multiplies every element by <paramref name="factor"/>. Backward:
    /// <paramref name="factor"/> · G.</summary>
    public Variable Scale(double factor) =>
        Record(Value.Scale(factor), nameof(Scale), [this], g => [g.Scale(factor)]);

    /// <summary>Negates every element. Backward: −G.</summary>
    public Variable Negate() => Record(Value.Negate(), nameof(Negate), [this], g => [g.Negate()]);

    /// <summary>Adds with broadcasting; see <see cref="Add(Variable)"/>.</summary>
    public static Variable operator +(Variable left, Variable right) =>
        NotNull(left).Add(right);

    /// <summary>Subtracts with broadcasting; see <see cref="Subtract(Variable)"/>.</summary>
    public static Variable operator -(Variable left, Variable right) =>
        NotNull(left).Subtract(right);

    /// <summary>Multiplies element by element; see <see cref="Multiply(Variable)"/>.</summary>
    public static Variable operator *(Variable left, Variable right) =>
        NotNull(left).Multiply(right);

    /// <summary>Divides element by element; see <see cref="Divide(Variable)"/>.</summary>
    public static Variable operator /(Variable left, Variable right) =>
        NotNull(left).Divide(right);

    /// <summary>Adds a number to every element.</summary>
    public static Variable operator +(Variable left, double right) => NotNull(left).Add(right);

    /// <summary>Adds a number to every element.</summary>
    public static Variable operator +(double left, Variable right) => NotNull(right).Add(left);

    /// <summary>Subtracts a number from every element.</summary>
    public static Variable operator -(Variable left, double right) => NotNull(left).Add(-right);

    /// <summary>Subtracts every element from a number.</summary>
    public static Variable operator -(double left, Variable right) =>
        NotNull(right).Negate().Add(left);

    /// <summary>Multiplies every element by a number.</summary>
    public static Variable operator *(Variable left, double right) => NotNull(left).Scale(right);

    /// <summary>Multiplies every element by a number.</summary>
    public static Variable operator *(double left, Variable right) => NotNull(right).Scale(left);

    /// <summary>Divides every element by a number.</summary>
    public static Variable operator /(Variable left, double right) =>
        NotNull(left).Scale(1.0 / right);

    /// <summary>Negates every element.</summary>
    public static Variable operator -(Variable value) => NotNull(value).Negate();

    /// <summary>
    /// Sums <paramref name="gradient"/> over the dimensions along which an operand of
    /// <paramref name="shape"/> was broadcast, and gives the result that shape: the adjoint of
    /// numpy's broadcasting.
    /// </summary>
    internal static Tensor ReduceTo(Tensor gradient, Shape shape)
    {
        if (gradient.Shape == shape)
        {
            return gradient;
        }

        var reduced = gradient;
        if (shape.Rows == 1 && reduced.Rows > 1)
        {
            reduced = reduced.Sum(axis: 0);
        }

        if (shape.Columns == 1 && reduced.Columns > 1)
        {
            reduced = reduced.Rank == 2 ? reduced.Sum(axis: 1) : reduced.Sum(axis: 0);
        }

        return Tensor.Wrap(shape, reduced.ToFlatArray());
    }

    // The transposed products run without materialising a transpose, and they take matrices
    // only, so vector operands and a vector or scalar G are reshaped into the matrix view of
    // the forward product and the gradients reshaped back.
    private static Tensor[] MatMulGradients(Tensor a, Tensor b, Tensor g)
    {
        var left = a.Rank == 2 ? a : a.Reshape(1, a.Length);
        var right = b.Rank == 2 ? b : b.Reshape(b.Length, 1);
        var gradient = g.Rank == 2 ? g : g.Reshape(left.Rows, right.Columns);
        var dA = gradient.MatMulTranspose(right);
        var dB = left.TransposeMatMul(gradient);
        return [a.Rank == 2 ? dA : dA.Reshape(a.Shape), b.Rank == 2 ? dB : dB.Reshape(b.Shape)];
    }

    private static Variable NotNull(Variable variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        return variable;
    }
}
