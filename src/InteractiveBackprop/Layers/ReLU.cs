using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>The activation Y = max(0, X), element by element. Backward: dX = dY where X &gt; 0
/// and 0 elsewhere, at X = 0 too, as in PyTorch.</summary>
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
