using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>
/// An affine layer that stores W as [M,N], the PyTorch layout, so Y = X·Wᵀ + b, dX = dY·W and
/// dW = dYᵀ·X. With <c>swapped</c> set its dW is Xᵀ·dY, the form that is right for the other
/// layout.
/// </summary>
public sealed class OutInLinear(int inputs, int outputs, int seed, bool swapped) : ILayer
{
    private Tensor? _input;

    public Parameter Weight { get; } = new("W", Tensor.RandomUniform(outputs, inputs, seed));

    public Parameter Bias { get; } = new("b", Tensor.RandomUniform(1, outputs, seed + 1));

    public IReadOnlyList<Parameter> Parameters => [Weight, Bias];

    public Tensor Forward(Tensor input)
    {
        _input = input;
        return input.MatMul(Weight.Value.T).AddRow(Bias.Value);
    }

    public Tensor Backward(Tensor outputGradient)
    {
        Weight.Grad = swapped
            ? _input!.T.MatMul(outputGradient)
            : outputGradient.T.MatMul(_input!);
        Bias.Grad = outputGradient.Sum(axis: 0);
        return outputGradient.MatMul(Weight.Value);
    }
}
