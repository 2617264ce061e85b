namespace InteractiveBackprop.Symbolic;

/// <summary>One statement <c>Name = Value</c>; a bare expression has no name until typing
/// names it Y (a matrix) or L (a scalar).</summary>
internal sealed record Statement(string? Name, SourceSpan NameSpan, Expression Value);
