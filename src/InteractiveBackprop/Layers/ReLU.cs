using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>The activation Y = max(0, X), element by element. Backward: dX = 0 where X ≤ 0, at
/// X = 0 too, and dY elsewhere, NaN included, as in PyTorch (see
/// <see cref="Tensor.ReluBackward"/>).</summary>
public sealed class ReLU : Activation
{
    /// <inheritdoc />
    public override Variable Forward(Variable input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Relu();
    }

    /// <inheritdoc />
    protected override Tensor Apply(Tensor input) => input.Relu();

    /// <inheritdoc />
    protected override Tensor Derivative(Tensor input, Tensor output, Tensor outputGradient) =>
        outputGradient.ReluBackward(input);
}
