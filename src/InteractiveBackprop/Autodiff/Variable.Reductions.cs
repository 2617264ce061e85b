using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Autodiff;

public sealed partial class Variable
{
    /// <summary>Sums every element into a scalar []. Backward: G copied to every element.
    /// </summary>
    public Variable Sum()
    {
        var shape = Shape;
        return Record(Tensor.Scalar(Value.Sum()), nameof(Sum), [this],
            g => [Tensor.Full(shape, g.ToDouble())]);
    }

    /// <summary>Sums along <paramref name="axis"/>, with the shapes of
    /// <see cref="Tensor.Sum(int, bool)"/>. Backward: G broadcast back along the axis.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis.
    /// </exception>
    public Variable Sum(int axis, bool keepDimensions = true)
    {
        var x = Value;
        var kept = x.ReducedShape(x.ViewAxis(nameof(Sum), axis), keepDimensions: true);
        return Record(x.Sum(axis, keepDimensions), nameof(Sum), [this],
            g => [Tensor.Zeros(x.Shape).Add(Tensor.Wrap(kept, g.ToFlatArray()))]);
    }

    /// <summary>Averages every element into a scalar []. Backward: G / N to each of the N
    /// elements.</summary>
    public Variable Mean()
    {
        var shape = Shape;
        int count = Value.Length;
        return Record(Tensor.Scalar(Value.Mean()), nameof(Mean), [this],
            g => [Tensor.Full(shape, g.ToDouble() / count)]);
    }

    /// <summary>Averages along <paramref name="axis"/>, with the shapes of
    /// <see cref="Tensor.Sum(int, bool)"/>. Backward: G / n broadcast back along the axis of
    /// length n.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis.
    /// </exception>
    public Variable Mean(int axis, bool keepDimensions = true)
    {
        var x = Value;
        var (_, length, _, _) = x.Lines(nameof(Mean), axis);
        var kept = x.ReducedShape(x.ViewAxis(nameof(Mean), axis), keepDimensions: true);
        return Record(x.Mean(axis, keepDimensions), nameof(Mean), [this],
            g =>
            {
                var spread = Tensor.Wrap(kept, g.ToFlatArray()).Scale(1.0 / length);
                return [Tensor.Zeros(x.Shape).Add(spread)];
            });
    }
}
