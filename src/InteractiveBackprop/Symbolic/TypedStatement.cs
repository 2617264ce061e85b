namespace InteractiveBackprop.Symbolic;

/// <summary>A statement after typing: its value uses only typed nodes and has a shape.</summary>
internal sealed record TypedStatement(string Name, Expression Value, MatrixShape Shape, SourceSpan Span);
