using System.Text.Json;
using Microsoft.DotNet.Interactive.Commands;

namespace InteractiveBackprop.Interactive;

/// <summary>The options that <c>#!backprop-check</c> and <c>#!backprop</c> share: which layer
/// runs, on a batch of what size, from which seed.</summary>
public abstract class LayerDirectiveCommand : KernelDirectiveCommand
{
    /// <summary>The C# variable that contains the layer or loss head; the bundled Linear when
    /// absent.</summary>
    public JsonElement? Layer { get; set; }

    /// <summary>The batch size B of the generated input X.</summary>
    public JsonElement? Batch { get; set; }

    /// <summary>The input width N.</summary>
    public JsonElement? In { get; set; }

    /// <summary>The output width M of the bundled Linear, or the class count of a loss
    /// head.</summary>
    public JsonElement? Out { get; set; }

    /// <summary>The seed of X, the bundled layer's parameters and dY.</summary>
    public JsonElement? Seed { get; set; }

    /// <summary>Text that the cell gives without an option name, such as the formula of
    /// <c>#!backprop-check "dW = dY X"</c>; the command takes none, so the handler rejects
    /// it.</summary>
    public JsonElement? Unnamed { get; set; }
}
