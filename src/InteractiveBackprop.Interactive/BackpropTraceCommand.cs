namespace InteractiveBackprop.Interactive;

/// <summary>The command that <c>#!backprop</c> parses into; see
/// <see cref="LayerDirectiveCommand"/> for its options.</summary>
public sealed class BackpropTraceCommand : LayerDirectiveCommand
{
}
