namespace InteractiveBackprop.Symbolic;

/// <summary>The kinds of token of the expression language.</summary>
internal enum TokenKind
{
    Identifier,
    Number,
    Plus,
    Minus,
    Star,
    Slash,
    Hadamard,
    Transpose,
    Squared,
    Norm,
    LeftParenthesis,
    RightParenthesis,
    Comma,
    Equals,
    Separator,
    End,
}
