using System.Text.Json;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The command that <c>#!backprop-check</c> parses into. The kernel binds each option to the
/// property of the same name (<c>--score-to</c> to <see cref="ScoreTo"/>). Values arrive as raw
/// JSON so that a value of the wrong type gets this extension's message rather than a
/// serializer's.
/// </summary>
public sealed class BackpropCheckCommand : LayerDirectiveCommand
{
    /// <summary>The relative tolerance of the pass rule.</summary>
    public JsonElement? Rtol { get; set; }

    /// <summary>The absolute tolerance of the pass rule.</summary>
    public JsonElement? Atol { get; set; }

    /// <summary>The number of sampled elements or directions per gradient.</summary>
    public JsonElement? Samples { get; set; }

    /// <summary>The mode: <c>full</c>, <c>sampled</c> or <c>directional</c>.</summary>
    public JsonElement? Mode { get; set; }

    /// <summary>Whether a failed check fails the cell.</summary>
    public JsonElement? Strict { get; set; }

    /// <summary>The C# variable that receives the report.</summary>
    public JsonElement? ScoreTo { get; set; }

    /// <summary>The forward statements whose derived gradient a claim is checked against.</summary>
    public JsonElement? Forward { get; set; }

    /// <summary>The claimed gradient, for example <c>dW = dY X</c>.</summary>
    public JsonElement? Claim { get; set; }

    /// <summary>The shape declarations of the forward statements' names.</summary>
    public JsonElement? Shapes { get; set; }
}
