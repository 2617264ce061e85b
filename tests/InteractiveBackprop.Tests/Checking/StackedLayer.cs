using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>Two layers in one, Y = second(first(X)), whose parameters keep their own names, so
/// that two of them are called W.</summary>
public sealed class StackedLayer(ILayer first, ILayer second) : ILayer
{
    public IReadOnlyList<Parameter> Parameters { get; } =
        [.. first.Parameters, .. second.Parameters];

    public Tensor Forward(Tensor input) => second.Forward(first.Forward(input));

    public Tensor Backward(Tensor outputGradient) =>
        first.Backward(second.Backward(outputGradient));
}
