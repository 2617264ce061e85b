namespace InteractiveBackprop.Checking;

/// <summary>The outcome of checking analytic gradients against central differences.</summary>
/// <param name="Subject">What was checked, for example <c>Linear [3 → 4], batch 5</c>.</param>
/// <param name="Gradients">One result per gradient: dX first, then each parameter's.</param>
/// <param name="Options">The settings the check ran with.</param>
/// <param name="BatchSize">The batch size B that factors such as 1/B refer to.</param>
/// <param name="LossEvaluations">How many times the check evaluated the loss, the cost of the
/// mode.</param>
/// <param name="Kind">What was differentiated: a layer, a loss head or a function.</param>
/// <param name="Structure">The layer's known structure, such as <c>affine Y = X·W + b</c>, or
/// <see langword="null"/> when the checker treated the layer as a black box.</param>
public sealed record GradientCheckReport(
    string Subject,
    IReadOnlyList<GradientResult> Gradients,
    GradientCheckOptions Options,
    int BatchSize,
    int LossEvaluations,
    CheckKind Kind,
    string? Structure)
{
    /// <summary>Whether every gradient passed.</summary>
    public bool Passed => Gradients.All(gradient => gradient.Passed);

    /// <summary>The mean of the gradients' <see cref="GradientResult.Score"/>, in [0, 1].</summary>
    public double Score => Gradients.Count == 0 ? 0 : Gradients.Average(gradient => gradient.Score);

    /// <summary>The mode the check ran in.</summary>
    public GradientCheckMode Mode => Options.Mode;

    /// <summary>Gets the result of the gradient named <paramref name="name"/>, such as
    /// <c>dW</c>.</summary>
    /// <exception cref="KeyNotFoundException">No gradient has that name.</exception>
    public GradientResult this[string name] =>
        Gradients.FirstOrDefault(gradient => gradient.Name == name)
        ?? throw new KeyNotFoundException(
            $"The report has no gradient named '{name}'; it has " +
            $"{string.Join(", ", Gradients.Select(gradient => gradient.Name))}.");

    /// <summary>Formats the report as plain text.</summary>
    public override string ToString() => Rendering.ReportText.Format(this);
}
