using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>The activation Y = tanh X, element by element. Backward: dX = dY ⊙ (1 − Y²).
/// </summary>
public sealed class Tanh : Activation
{
    /// <inheritdoc />
    public override Variable Forward(Variable input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Tanh();
    }

    /// <inheritdoc />
    protected override Tensor Apply(Tensor input) => input.Tanh();

    /// <inheritdoc />
    protected override Tensor Derivative(Tensor input, Tensor output, Tensor outputGradient) =>
        outputGradient.Multiply(1.0 - output.Square());
}
