namespace InteractiveBackprop.Layers;

using InteractiveBackprop.Autodiff;

/// <summary>
/// A layer that can also run inside an autodiff graph: its forward pass on a
/// <see cref="Variable"/> records the operations, so that <see cref="Variable.Backward(bool)"/>
/// computes the gradients instead of a hand-written backward pass.
/// </summary>
/// <remarks>
/// The graph forward pass reads each parameter through <see cref="Parameter.AsVariable"/>, so a
/// backward pass adds to <see cref="Parameter.Grad"/>, unlike <see cref="ILayer.Backward"/>, which
/// overwrites it.
/// </remarks>
public interface IGraphLayer
{
    /// <summary>Computes the output for <paramref name="input"/>, recording the graph when
    /// recording is on.</summary>
    Variable Forward(Variable input);
}
