namespace InteractiveBackprop.Layers;

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
    /// <summary>Creates a parameter named <paramref name="name"/> with initial value
    /// <paramref name="value"/> and no gradient yet.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty.</exception>
    public Parameter(string name, Tensor value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        Name = name;
        Value = value;
    }

    /// <summary>The name as formulas write it, for example <c>W</c> or <c>b</c>.</summary>
    public string Name { get; }

    /// <summary>The name of the gradient, for example <c>dW</c> for <c>W</c>.</summary>
    public string GradientName => "d" + Name;

    /// <summary>The current value.</summary>
    public Tensor Value { get; set; }

    /// <summary>
    /// ∂L/∂(this parameter) from the latest <see cref="ILayer.Backward"/>, of the same shape as
    /// <see cref="Value"/>; <see langword="null"/> before the first backward pass.
    /// </summary>
    public Tensor? Grad { get; set; }
}
