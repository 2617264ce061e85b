namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Computes softmax along <paramref name="axis"/> (−1, the default, is the last axis):
    /// softmax(x)ᵢ = exp(xᵢ − m) / Σⱼ exp(xⱼ − m) with m the maximum of the line, which gives
    /// the same value as without m but cannot overflow. On a batch of scores [B,C] each row
    /// becomes a probability distribution. A line that contains NaN or +∞ gives NaN.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of
    /// this tensor.</exception>
    public Tensor Softmax(int axis = -1) => Normalise(nameof(Softmax), axis, logarithm: false);

    /// <summary>
    /// Computes log-softmax along <paramref name="axis"/>: xᵢ − m − log Σⱼ exp(xⱼ − m) with m
    /// the maximum of the line. This is finite wherever the inputs are, even where softmax
    /// itself rounds to 0, which is why cross-entropy uses it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="axis"/> is not an axis of
    /// this tensor.</exception>
    public Tensor LogSoftmax(int axis = -1) =>
        Normalise(nameof(LogSoftmax), axis, logarithm: true);

    private Tensor Normalise(string operation, int axis, bool logarithm)
    {
        if (Rank == 0)
        {
            // One element is the whole distribution, as in PyTorch.
            ViewAxisOfScalar(operation, axis);
            return Scalar(logarithm ? 0.0 : 1.0);
        }

        // NOTE: this loop is not vectorised. Most of its time is Math.Exp, and a vector exp
        // (Vector512.Exp) or a reordered sum can change the last bit, so the instruction-set
        // paths would no longer give the same values.
        var (lines, length, lineStep, step) = Lines(operation, axis);
        var result = new double[_data.Length];
        for (int line = 0; line < lines; line++)
        {
            int start = line * lineStep;
            double max = _data[start + step * ArgMaxLine(_data, start, length, step)];
            double total = 0;
            for (int k = 0; k < length; k++)
            {
                int index = start + k * step;
                result[index] = _data[index] - max;
                total += Math.Exp(result[index]);
            }

            double logTotal = Math.Log(total);
            for (int k = 0; k < length; k++)
            {
                int index = start + k * step;
                result[index] = logarithm
                    ? result[index] - logTotal
                    : Math.Exp(result[index]) / total;
            }
        }

        return new Tensor(Shape, result);
    }

    private void ViewAxisOfScalar(string operation, int axis)
    {
        // PyTorch accepts dim 0 or −1 for a zero-dimensional tensor.
        if (axis != 0 && axis != -1)
        {
            throw ShapeErrors.Axis(operation, axis, Shape);
        }
    }
}
