using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>
/// The shared part of the element-wise activation layers: a layer without parameters that
/// remembers what its backward pass needs and checks dY against the latest output's shape.
/// </summary>
public abstract class Activation : ILayer, IGraphLayer
{
    private Tensor? _input;
    private Tensor? _output;

    /// <summary>Empty: an activation has no parameters.</summary>
    public IReadOnlyList<Parameter> Parameters { get; } = [];

    /// <summary>Applies the activation to every element of <paramref name="input"/>.</summary>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _output = Apply(input);
        return _output;
    }

    /// <inheritdoc />
    public abstract Variable Forward(Variable input);

    /// <summary>Computes dX = dY ⊙ f′(X) for the input of the latest <see cref="Forward(Tensor)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No forward pass has run.</exception>
    /// <exception cref="TensorShapeException">dY does not have the output's shape.</exception>
    public Tensor Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        string name = GetType().Name;
        if (_input is null || _output is null)
        {
            throw new InvalidOperationException(
                $"{name}.Backward: no forward pass has run; call Forward(X) first so that the " +
                "layer has the values its derivative needs.");
        }

        if (outputGradient.Shape != _output.Shape)
        {
            throw ShapeErrors.SameShape($"{name}.Backward", "dY", outputGradient.Shape,
                "the output Y of the latest forward pass", _output.Shape,
                "dY must have Y's shape");
        }

        return Derivative(_input, _output, outputGradient);
    }

    /// <summary>Computes the activation's output for <paramref name="input"/>.</summary>
    protected abstract Tensor Apply(Tensor input);

    /// <summary>Computes dX from the input X, the output Y and dY.</summary>
    protected abstract Tensor Derivative(Tensor input, Tensor output, Tensor outputGradient);
}
