using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// One SGD step of a 784-128-10 network with a ReLU hidden layer and softmax cross-entropy,
/// written with the core's Tensor operations, as a notebook would write it. The first layer
/// computes no dX because nothing comes before it.
/// </summary>
internal sealed class TrainingStep
{
    public const int Batch = 256;
    public const int Inputs = 784;
    public const int Hidden = 128;
    public const int Classes = 10;
    private const double LearningRate = 0.1;

    private readonly Tensor _x;
    private readonly int[] _labels;
    private Tensor _w1;
    private Tensor _b1;
    private Tensor _w2;
    private Tensor _b2;

    public TrainingStep(int seed)
    {
        _x = Tensor.RandomUniform(Batch, Inputs, seed, 0, 1);
        var random = new Random(seed);
        _labels = Enumerable.Range(0, Batch).Select(_ => random.Next(Classes)).ToArray();
        double bound1 = 1 / Math.Sqrt(Inputs);
        double bound2 = 1 / Math.Sqrt(Hidden);
        _w1 = Tensor.RandomUniform(Inputs, Hidden, seed + 1, -bound1, bound1);
        _b1 = Tensor.Zeros(1, Hidden);
        _w2 = Tensor.RandomUniform(Hidden, Classes, seed + 2, -bound2, bound2);
        _b2 = Tensor.Zeros(1, Classes);
    }

    /// <summary>Runs forward, backward and the update, and returns the batch's mean loss.</summary>
    public double Step()
    {
        var h = _x.MatMulAddRow(_w1, _b1);
        var a = h.Map(static v => v > 0 ? v : 0);
        var z = a.MatMulAddRow(_w2, _b2);
        var (loss, dz) = SoftmaxCrossEntropy(z, _labels);

        var dw2 = a.TransposeMatMul(dz);
        var db2 = dz.Sum(0);
        var da = dz.MatMulTranspose(_w2);
        var dh = da.Multiply(h.Map(static v => v > 0 ? 1 : 0));
        var dw1 = _x.TransposeMatMul(dh);
        var db1 = dh.Sum(0);

        _w1 = _w1.Subtract(dw1.Scale(LearningRate));
        _b1 = _b1.Subtract(db1.Scale(LearningRate));
        _w2 = _w2.Subtract(dw2.Scale(LearningRate));
        _b2 = _b2.Subtract(db2.Scale(LearningRate));
        return loss;
    }

    // Returns the mean of −log softmax(z)[label] and its gradient (softmax(z) − onehot) / B.
    private static (double Loss, Tensor Gradient) SoftmaxCrossEntropy(Tensor z, int[] labels)
    {
        var logits = z.Span;
        var gradient = new double[logits.Length];
        double loss = 0;
        for (int i = 0; i < z.Rows; i++)
        {
            var row = logits.Slice(i * z.Columns, z.Columns);
            double max = double.NegativeInfinity;
            foreach (double v in row)
            {
                max = Math.Max(max, v);
            }

            double sum = 0;
            for (int j = 0; j < row.Length; j++)
            {
                gradient[i * z.Columns + j] = Math.Exp(row[j] - max);
                sum += gradient[i * z.Columns + j];
            }

            loss += Math.Log(sum) + max - row[labels[i]];
            for (int j = 0; j < row.Length; j++)
            {
                gradient[i * z.Columns + j] /= sum * z.Rows;
            }

            gradient[i * z.Columns + labels[i]] -= 1.0 / z.Rows;
        }

        return (loss / z.Rows, Tensor.FromRowMajor(z.Rows, z.Columns, gradient));
    }
}
