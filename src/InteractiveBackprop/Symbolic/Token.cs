namespace InteractiveBackprop.Symbolic;

/// <summary>A token with the source characters it was read from.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span);
