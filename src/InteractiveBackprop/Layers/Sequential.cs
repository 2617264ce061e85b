using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>
/// A chain of layers: Forward feeds each layer's output to the next, and Backward passes dY back
/// through them in reverse order, so that each layer stores its parameters' gradients.
/// </summary>
/// <remarks>
/// <see cref="Parameters"/> lists the layers' parameters in layer order, the same objects the
/// layers hold; <see cref="ModelFile"/> saves and loads them in that order.
/// </remarks>
public sealed class Sequential : ILayer, IGraphLayer
{
    /// <summary>Creates the chain <paramref name="layers"/>[0], then [1], and so on.</summary>
    /// <exception cref="ArgumentException">No layer is given, or one is null.</exception>
    public Sequential(params ILayer[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        if (layers.Length == 0)
        {
            throw new ArgumentException(
                "Sequential: no layers were given; a chain needs at least one.", nameof(layers));
        }

        int missing = Array.IndexOf(layers, null);
        if (missing >= 0)
        {
            throw new ArgumentException(
                $"Sequential: layer {missing} is null; pass a layer object at every position.",
                nameof(layers));
        }

        Layers = (ILayer[])layers.Clone();
        Parameters = Layers.SelectMany(layer => layer.Parameters).ToArray();
    }

    /// <summary>The layers in forward order.</summary>
    public IReadOnlyList<ILayer> Layers { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Feeds <paramref name="input"/> through every layer in order.</summary>
    public Tensor Forward(Tensor input)
    {
        var output = input;
        foreach (var layer in Layers)
        {
            output = layer.Forward(output);
        }

        return output;
    }

    /// <summary>Passes dY back through every layer in reverse order and returns dX of the first.
    /// Each layer overwrites its parameters' gradients, as <see cref="ILayer"/> requires.</summary>
    public Tensor Backward(Tensor outputGradient)
    {
        var gradient = outputGradient;
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            gradient = Layers[i].Backward(gradient);
        }

        return gradient;
    }

    /// <summary>Feeds <paramref name="input"/> through every layer's graph forward pass.</summary>
    /// <exception cref="InvalidOperationException">A layer does not implement
    /// <see cref="IGraphLayer"/>.</exception>
    public Variable Forward(Variable input)
    {
        var output = input;
        for (int i = 0; i < Layers.Count; i++)
        {
            if (Layers[i] is not IGraphLayer layer)
            {
                throw new InvalidOperationException(
                    $"Sequential.Forward: layer {i} ({Layers[i].GetType().Name}) implements " +
                    "only ILayer, so it cannot run inside an autodiff graph. Implement " +
                    "IGraphLayer on it, or train this model with Forward(Tensor) and " +
                    "Backward(Tensor).");
            }

            output = layer.Forward(output);
        }

        return output;
    }
}
