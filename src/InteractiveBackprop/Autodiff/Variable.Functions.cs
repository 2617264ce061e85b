using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Autodiff;

public sealed partial class Variable
{
    /// <summary>Squares every element. Backward: 2x ⊙ G.</summary>
    public Variable Square()
    {
        var x = Value;
        return Record(x.Square(), nameof(Square), [this], g => [g.Multiply(x).Scale(2.0)]);
    }

    /// <summary>Computes y = eˣ element-wise. Backward: G ⊙ y.</summary>
    public Variable Exp()
    {
        var y = Value.Exp();
        return Record(y, nameof(Exp), [this], g => [g.Multiply(y)]);
    }

    /// <summary>Computes the natural logarithm element-wise. Backward: G / x, which is infinite
    /// at x = 0.</summary>
    public Variable Log()
    {
        var x = Value;
        return Record(x.Log(), nameof(Log), [this], g => [g.Divide(x)]);
    }

    /// <summary>Computes y = tanh x element-wise. Backward: G ⊙ (1 − y²).</summary>
    public Variable Tanh()
    {
        var y = Value.Tanh();
        return Record(y, nameof(Tanh), [this], g => [g.Multiply(1.0 - y.Square())]);
    }

    /// <summary>Computes y = σ(x) = 1 / (1 + e⁻ˣ) element-wise. Backward: G ⊙ y ⊙ (1 − y).
    /// </summary>
    public Variable Sigmoid()
    {
        var y = Value.Sigmoid();
        return Record(y, nameof(Sigmoid), [this], g => [g.Multiply(y).Multiply(1.0 - y)]);
    }

    /// <summary>Computes max(0, x) element-wise. Backward: 0 where x ≤ 0, at x = 0 too, and G
    /// elsewhere, NaN included, as in PyTorch (see <see cref="Tensor.ReluBackward"/>).</summary>
    public Variable Relu()
    {
        var x = Value;
        return Record(x.Relu(), nameof(Relu), [this],
            g => [g.ReluBackward(x)]);
    }

    /// <summary>
    /// Computes y = softmax(x) along <paramref name="axis"/> (see <see cref="Tensor.Softmax"/>).
    /// Backward: dx = y ⊙ (G − Σ(G ⊙ y)), the sum taken along the axis.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis.
    /// </exception>
    public Variable Softmax(int axis = -1)
    {
        var y = Value.Softmax(axis);
        return Record(y, nameof(Softmax), [this],
            g => [y.Multiply(g.Subtract(SumAlong(g.Multiply(y), axis)))]);
    }

    /// <summary>
    /// Computes y = log softmax(x) along <paramref name="axis"/> (see
    /// <see cref="Tensor.LogSoftmax"/>). Backward: dx = G − softmax(x) ⊙ ΣG, the sum taken
    /// along the axis.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis.
    /// </exception>
    public Variable LogSoftmax(int axis = -1)
    {
        var y = Value.LogSoftmax(axis);
        return Record(y, nameof(LogSoftmax), [this],
            g => [g.Subtract(y.Exp().Multiply(SumAlong(g, axis)))]);
    }

    /// <summary>Sums along an axis, keeping it, so that the result broadcasts back; a scalar
    /// has no axis and is its own sum.</summary>
    private static Tensor SumAlong(Tensor tensor, int axis) =>
        tensor.Rank == 0 ? tensor : tensor.Sum(axis, keepDimensions: true);
}
