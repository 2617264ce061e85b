using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>Wraps a layer and returns the transpose of its dX, a mistake that a black-box
/// check can name without knowing the layer's formulas.</summary>
public sealed class TransposingLayer(ILayer inner) : ILayer
{
    public IReadOnlyList<Parameter> Parameters => inner.Parameters;

    public Tensor Forward(Tensor input) => inner.Forward(input);

    public Tensor Backward(Tensor outputGradient) => inner.Backward(outputGradient).T;
}
