using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The command that <c>#!derive</c> parses into. Values arrive as raw JSON so that a value of the
/// wrong type gets this extension's message rather than a serializer's.
/// </summary>
public sealed class DeriveCommand : KernelDirectiveCommand
{
    /// <summary>The statements to differentiate, for example <c>"Y = X W + b"</c>.</summary>
    public JsonElement? Expression { get; set; }

    /// <summary>The shape declarations, for example <c>"X: B×N, W: N×M, b: 1×M"</c>.</summary>
    public JsonElement? Shapes { get; set; }

    /// <summary>The comma-separated inputs to differentiate with respect to.</summary>
    public JsonElement? Wrt { get; set; }

    /// <summary>The seed of the random instance of the numeric check.</summary>
    public JsonElement? Seed { get; set; }
}
