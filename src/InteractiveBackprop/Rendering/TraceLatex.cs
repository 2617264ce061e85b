using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a forward and backward pass as LaTeX display math, one aligned line per
/// tensor: its formula and its value as a bmatrix.</summary>
public static class TraceLatex
{
    /// <summary>Formats <paramref name="trace"/> as
    /// <c>$$\begin{aligned}…\end{aligned}$$</c>.</summary>
    public static string Format(BackpropTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var lines = trace.Entries.Select(entry => entry.Value is null
            ? $@"{entry.Latex} &= \text{{null}}"
            : $@"{entry.Latex} &= {TensorLatex.Format(entry.Value)}");
        return @"$$\begin{aligned}" + string.Join(@" \\ ", lines) + @"\end{aligned}$$";
    }
}
