namespace InteractiveBackprop.Layers;

using InteractiveBackprop.Tensors;

/// <summary>
/// A layer with an explicit forward and backward pass. The gradient checker and the
/// <c>#!backprop-check</c> command check any implementation of this interface.
/// </summary>
/// <remarks>
/// The contract, which the checker relies on:
/// <list type="bullet">
/// <item><see cref="Forward"/> maps an input X of shape [B,N] to an output Y and remembers what
/// <see cref="Backward"/> needs.</item>
/// <item><see cref="Backward"/> takes dY = ∂L/∂Y, of Y's shape, returns dX = ∂L/∂X, of X's shape,
/// and sets <see cref="Parameter.Grad"/> of every parameter. It overwrites the gradients of the
/// previous call rather than adding to them.</item>
/// </list>
/// </remarks>
public interface ILayer
{
    /// <summary>The trainable parameters, empty for a layer without any.</summary>
    IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Computes the output for <paramref name="input"/>, a batch with one row per
    /// example.</summary>
    Tensor Forward(Tensor input);

    /// <summary>
    /// Computes dX from <paramref name="outputGradient"/> (dY) for the input of the latest
    /// <see cref="Forward"/>, and stores the parameters' gradients.
    /// </summary>
    Tensor Backward(Tensor outputGradient);
}
