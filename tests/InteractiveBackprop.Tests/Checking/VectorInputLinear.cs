using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>
/// An affine layer for one example: X is a vector [N], so X·W is a vector [M], and adding the
/// [1,M] bias b broadcasts Y to [1,M]. Backward gives dX = dY·Wᵀ reshaped to [N], dW = the
/// outer product of X and dY, and db = dY.
/// </summary>
public sealed class VectorInputLinear(int inputs, int outputs, int seed) : ILayer
{
    private Tensor? _input;

    public Parameter Weight { get; } = new("W", Tensor.RandomUniform(inputs, outputs, seed));

    public Parameter Bias { get; } = new("b", Tensor.RandomUniform(1, outputs, seed + 1));

    public IReadOnlyList<Parameter> Parameters => [Weight, Bias];

    public Tensor Forward(Tensor input)
    {
        _input = input;
        return input.MatMul(Weight.Value).Add(Bias.Value);
    }

    public Tensor Backward(Tensor outputGradient)
    {
        var input = _input!;
        Weight.Grad = input.Reshape(input.Length, 1).MatMul(outputGradient);
        Bias.Grad = outputGradient;
        return outputGradient.MatMulTranspose(Weight.Value).Reshape(input.Shape);
    }
}
