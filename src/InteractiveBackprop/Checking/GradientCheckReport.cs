namespace InteractiveBackprop.Checking;

/// <summary>The outcome of checking a layer's backward pass against central differences.</summary>
/// <param name="Subject">What was checked, for example <c>Linear [3 → 2]</c>.</param>
/// <param name="Gradients">One result per gradient: dX first, then each parameter's.</param>
/// <param name="Options">The settings the check ran with.</param>
public sealed record GradientCheckReport(
    string Subject,
    IReadOnlyList<GradientResult> Gradients,
    GradientCheckOptions Options)
{
    /// <summary>Whether every gradient passed.</summary>
    public bool Passed => Gradients.All(gradient => gradient.Passed);

    /// <summary>Formats the report as plain text, one line per gradient.</summary>
    public override string ToString() => Rendering.ReportText.Format(this);
}
