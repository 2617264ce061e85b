using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Displays a chart in the running cell as HTML and plain text.</summary>
/// <remarks>
/// The charts have their own <c>Display()</c> because in .NET Interactive 1.0.0-beta.26120.1 the
/// general <c>object.Display()</c> extension returns a handle whose updates carry another display
/// id than the output it produced (seen in the dotnet-interactive tool 1.0.712001 too), so no
/// frontend can match an update to its output. The context's <c>Display</c> uses one id for both.
/// </remarks>
internal static class ChartDisplay
{
    /// <summary>Displays <paramref name="chart"/> and returns the handle that updates it.</summary>
    /// <exception cref="InvalidOperationException">No cell is running.</exception>
    public static DisplayedValue Show(object chart)
    {
        var context = KernelInvocationContext.Current ?? throw new InvalidOperationException(
            $"Cannot display the {chart.GetType().Name}: no notebook cell is running. Call " +
            "Display() from a cell.");
        return context.Display(chart, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
    }
}
