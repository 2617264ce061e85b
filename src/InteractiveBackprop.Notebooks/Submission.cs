using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks;

/// <summary>The events of one submitted cell, in the order the kernel sent them.</summary>
/// <param name="Events">Every event whose command token is the cell's or a child's.</param>
public sealed record Submission(IReadOnlyList<JsonObject> Events)
{
    /// <summary>Whether the cell's own command ended with CommandSucceeded.</summary>
    public bool Succeeded => (string?)Events[^1]["eventType"] == "CommandSucceeded";

    /// <summary>The failure message of a failed cell, <see langword="null"/> when it succeeded.</summary>
    public string? ErrorMessage => Succeeded ? null : (string?)Events[^1]["event"]?["message"];
}
