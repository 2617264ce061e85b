namespace InteractiveBackprop.Layers;

using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

/// <summary>
/// A named, trainable tensor of a layer together with the gradient of the loss with respect to it.
/// </summary>
/// <remarks>
/// A gradient checker perturbs <see cref="Value"/> in place and restores it, so a layer must read
/// its parameters from here on every <see cref="ILayer.Forward"/> rather than from a private copy.
/// </remarks>
public sealed class Parameter
{
    private Tensor _value;

    /// <summary>Creates a parameter named <paramref name="name"/> with initial value
    /// <paramref name="value"/> and no gradient yet.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public Parameter(string name, Tensor value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        _value = value;
    }

    /// <summary>The name as formulas write it, for example <c>W</c> or <c>b</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the gradient, for example <c>dW</c> for <c>W</c>.</summary>
    public string GradientName => "d" + Name;

    /// <summary>The current value.</summary>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public Tensor Value
    {
        get => _value;
        set => _value = value ?? throw new ArgumentNullException(nameof(value),
            $"Parameter '{Name}': the value cannot be null; assign a tensor of its shape.");
    }

    /// <summary>
    /// ∂L/∂(this parameter), of the same shape as <see cref="Value"/>; <see langword="null"/>
    /// before the first backward pass. <see cref="ILayer.Backward"/> overwrites it, while a
    /// graph's <see cref="Variable.Backward(bool)"/> adds to it through
    /// <see cref="AsVariable"/>, so graph training calls <see cref="ZeroGrad"/> before each
    /// step.
    /// </summary>
    public Tensor? Grad { get; set; }

    /// <summary>
    /// Returns a new leaf of the autodiff graph that reads the current <see cref="Value"/> and
    /// whose gradient a backward pass adds to <see cref="Grad"/>. Call it on every forward pass,
    /// because an optimiser or a gradient checker may have replaced or changed the value since.
    /// </summary>
    public Variable AsVariable() => Variable.Bind(this);

    /// <summary>Sets <see cref="Grad"/> to zeros of <see cref="Value"/>'s shape.</summary>
    public void ZeroGrad() => Grad = Tensor.Zeros(Value.Shape);
}
