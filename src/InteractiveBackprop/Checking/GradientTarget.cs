using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>A value to differentiate, which the loss reads and the check perturbs in place,
/// with the analytic gradient claimed for it.</summary>
internal sealed record GradientTarget(string Name, Tensor Value, Tensor? Analytic);
