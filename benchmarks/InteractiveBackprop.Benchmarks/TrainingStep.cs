using InteractiveBackprop.Layers;
using InteractiveBackprop.Losses;
using InteractiveBackprop.Optimizers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Benchmarks;

/// <summary>
/// One SGD step of a 784-128-10 network with a ReLU hidden layer and softmax cross-entropy,
/// written with the core's Tensor operations as a notebook would write it. The data flow is
/// that of reference.py's numpy step. Every intermediate is a new tensor, and the update
/// writes into the parameters, as numpy's <c>w1 -= rate * dw1</c> and the core's
/// <see cref="Sgd"/> do. The first layer computes no dX because nothing comes before it.
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
    private readonly Parameter _w1;
    private readonly Parameter _b1;
    private readonly Parameter _w2;
    private readonly Parameter _b2;
    private readonly SoftmaxCrossEntropy _loss = new();
    private readonly Sgd _sgd;

    public TrainingStep(int seed)
    {
        _x = Tensor.RandomUniform(Batch, Inputs, seed, 0, 1);
        var random = new Random(seed);
        _labels = Enumerable.Range(0, Batch).Select(_ => random.Next(Classes)).ToArray();
        double bound1 = 1 / Math.Sqrt(Inputs);
        double bound2 = 1 / Math.Sqrt(Hidden);
        _w1 = new Parameter("W1", Tensor.RandomUniform(Inputs, Hidden, seed + 1, -bound1, bound1));
        _b1 = new Parameter("b1", Tensor.Zeros(1, Hidden));
        _w2 = new Parameter("W2", Tensor.RandomUniform(Hidden, Classes, seed + 2, -bound2, bound2));
        _b2 = new Parameter("b2", Tensor.Zeros(1, Classes));
        _sgd = new Sgd([_w1, _b1, _w2, _b2], LearningRate);
    }

    /// <summary>Runs forward, backward and the update, and returns the batch's mean loss.</summary>
    public double Step()
    {
        var h = _x.MatMulAddRow(_w1.Value, _b1.Value);
        var a = h.Relu();
        var z = a.MatMulAddRow(_w2.Value, _b2.Value);
        double loss = _loss.Forward(z, _labels);
        var dz = _loss.Backward();

        _w2.Grad = a.TransposeMatMul(dz);
        _b2.Grad = dz.Sum(axis: 0);
        var dh = dz.MatMulTranspose(_w2.Value).ReluBackward(h);
        _w1.Grad = _x.TransposeMatMul(dh);
        _b1.Grad = dh.Sum(axis: 0);

        _sgd.Step();
        return loss;
    }
}
