using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>The activation Y = σ(X) = 1 / (1 + e⁻ˣ), element by element. Backward:
/// dX = dY ⊙ Y ⊙ (1 − Y).</summary>
public sealed class Sigmoid : Activation
{
    /// <inheritdoc />
    public override Variable Forward(Variable input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Sigmoid();
    }

    /// <inheritdoc />
    protected override Tensor Apply(Tensor input) => input.Sigmoid();

    /// <inheritdoc />
    protected override Tensor Derivative(Tensor input, Tensor output, Tensor outputGradient) =>
        outputGradient.Multiply(output).Multiply(1.0 - output);
}
