namespace InteractiveBackprop.Checking;

/// <summary>Why a gradient failed, found by testing known mistakes against the true
/// gradient.</summary>
/// <param name="Mistake">The kind of mistake.</param>
/// <param name="Message">The diagnosis in words, naming the fix.</param>
/// <param name="Factor">The constant c with analytic = c·true, when the diagnosis found one
/// (for <see cref="GradientMistake.Scaled"/>, and for other kinds whose match needed a
/// constant); otherwise <see langword="null"/>.</param>
/// <param name="FactorName">The factor's name when it is a known one: <c>1/B</c>,
/// <c>1/B²</c>, <c>B</c>, <c>2</c>, <c>1/2</c>, <c>-1</c>, or one of these negated; otherwise
/// <see langword="null"/>.</param>
/// <param name="Formula">The formula the analytic gradient matched, such as <c>dYᵀ·X</c>, when a
/// formula explains it; otherwise <see langword="null"/>.</param>
/// <param name="Latex">The diagnosed relation as LaTeX without delimiters, for example
/// <c>\mathrm{db}_{\text{yours}} = \frac{1}{B}\,\frac{\partial L}{\partial b}</c>.</param>
public sealed record GradientDiagnosis(
    GradientMistake Mistake,
    string Message,
    double? Factor,
    string? FactorName,
    string? Formula,
    string Latex);
