using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>An input of a function together with the gradient claimed for it, for
/// <see cref="GradientCheck.CheckFunction"/>.</summary>
/// <param name="Name">The input's name, such as <c>X</c>; the report calls its gradient
/// <c>dX</c>.</param>
/// <param name="Value">The input's value, which the check copies before perturbing.</param>
/// <param name="Gradient">The claimed ∂f/∂(input), <see langword="null"/> when none was
/// computed.</param>
public sealed record GradientClaim(string Name, Tensor Value, Tensor? Gradient);
