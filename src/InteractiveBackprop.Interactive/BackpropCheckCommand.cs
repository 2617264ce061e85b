using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The command that <c>#!backprop-check</c> parses into. The kernel binds each option to the
/// property of the same name (<c>--batch</c> to <see cref="Batch"/>). Values arrive as raw JSON
/// so that a value of the wrong type gets this extension's message rather than a serializer's.
/// </summary>
public sealed class BackpropCheckCommand : KernelDirectiveCommand
{
    /// <summary>The batch size B of the generated input X.</summary>
    public JsonElement? Batch { get; set; }

    /// <summary>The input width N of the bundled Linear layer.</summary>
    public JsonElement? In { get; set; }

    /// <summary>The output width M of the bundled Linear layer.</summary>
    public JsonElement? Out { get; set; }

    /// <summary>The seed of X, the layer's parameters and dY.</summary>
    public JsonElement? Seed { get; set; }
}
