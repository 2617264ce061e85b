using System.Text;
using InteractiveBackprop.Checking;

namespace InteractiveBackprop.Rendering;

/// <summary>Renders a forward and backward pass as plain text: per tensor its name, shape,
/// formula and values.</summary>
public static class TraceText
{
    /// <summary>Formats <paramref name="trace"/>, one block per tensor.</summary>
    public static string Format(BackpropTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        var text = new StringBuilder("Forward and backward pass of ").Append(trace.Subject);
        if (trace.Structure is not null)
        {
            text.Append(" (").Append(trace.Structure).Append(')');
        }

        text.Append('\n');
        foreach (var entry in trace.Entries)
        {
            text.Append(entry.Name).Append(' ')
                .Append(entry.Value?.Shape.ToString() ?? "null").Append(": ")
                .Append(entry.Formula).Append('\n');
            if (entry.Value is not null)
            {
                text.Append(TensorText.Format(entry.Value)).Append('\n');
            }
        }

        return text.ToString().TrimEnd('\n');
    }
}
