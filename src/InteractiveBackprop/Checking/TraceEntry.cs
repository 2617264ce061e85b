using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>One tensor of a forward and backward pass, with the formula that produced
/// it.</summary>
/// <param name="Name">The tensor's name, such as <c>X</c>, <c>Y</c> or <c>dW</c>.</param>
/// <param name="Value">The tensor; <see langword="null"/> when Backward left a gradient
/// null.</param>
/// <param name="Formula">How the tensor was produced, as plain text.</param>
/// <param name="Latex">The same as a LaTeX equation without delimiters.</param>
public sealed record TraceEntry(string Name, Tensor? Value, string Formula, string Latex);
