using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// A formula that a wrong gradient might have been computed with, evaluated on the check's
/// tensors, so that the diagnosis can name it when the analytic gradient equals it.
/// </summary>
/// <param name="Formula">The formula as plain text, such as <c>dYᵀ·X</c>.</param>
/// <param name="Latex">The formula as LaTeX without delimiters, such as
/// <c>\frac{\partial L}{\partial Y}^\top X</c>.</param>
/// <param name="Value">The formula's value on the check's tensors.</param>
/// <param name="Mistake">The kind of mistake the formula stands for.</param>
/// <param name="Explanation">What is wrong with the formula and how to fix it.</param>
public sealed record GradientCandidate(
    string Formula,
    string Latex,
    Tensor Value,
    GradientMistake Mistake,
    string Explanation);
