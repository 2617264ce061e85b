using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>
/// The mean softmax cross-entropy L = -(1/B) Σ_i Σ_j T_ij log softmax(Z)_ij against a one-hot
/// target T, whose gradient is (softmax(Z) - T) / B, or that times a deliberate wrong factor.
/// </summary>
public sealed class SoftmaxCrossEntropy(double gradientFactor = 1) : ILoss
{
    private Tensor? _probabilities;
    private Tensor? _target;

    public double Forward(Tensor prediction, Tensor target)
    {
        _target = target;
        _probabilities = Softmax(prediction);
        double total = 0;
        for (int i = 0; i < prediction.Rows; i++)
        {
            for (int j = 0; j < prediction.Columns; j++)
            {
                total -= target[i, j] * Math.Log(_probabilities[i, j]);
            }
        }

        return total / prediction.Rows;
    }

    public Tensor Backward() =>
        _probabilities!.Subtract(_target!).Scale(gradientFactor / _target!.Rows);

    public static Tensor OneHot(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var target = Tensor.Zeros(rows, classes);
        for (int i = 0; i < rows; i++)
        {
            target[i, random.Next(classes)] = 1;
        }

        return target;
    }

    private static Tensor Softmax(Tensor logits)
    {
        var result = Tensor.Zeros(logits.Rows, logits.Columns);
        for (int i = 0; i < logits.Rows; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < logits.Columns; j++)
            {
                max = Math.Max(max, logits[i, j]);
            }

            double sum = 0;
            for (int j = 0; j < logits.Columns; j++)
            {
                result[i, j] = Math.Exp(logits[i, j] - max);
                sum += result[i, j];
            }

            for (int j = 0; j < logits.Columns; j++)
            {
                result[i, j] /= sum;
            }
        }

        return result;
    }
}
