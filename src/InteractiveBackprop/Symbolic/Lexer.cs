namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Splits the source of an expression into tokens. Products are written <c>*</c>, <c>·</c> or by
/// juxtaposition; the Hadamard product <c>.*</c> or <c>⊙</c>; a transpose <c>'</c>, <c>^T</c> or
/// <c>ᵀ</c>; a squared norm <c>‖A‖²</c> or <c>||A||^2</c>. Statements end at <c>;</c> or a newline.
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string source)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (c is ' ' or '\t' or '\r')
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetter(c) && c != 'ᵀ' || c == '_' || c == 'σ')
            {
                while (i < source.Length && (char.IsLetterOrDigit(source[i]) || source[i] == '_')
                    && source[i] != 'ᵀ')
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Identifier, source[start..i], new(start, i - start)));
                continue;
            }

            if (char.IsDigit(c) || c == '.' && i + 1 < source.Length && char.IsDigit(source[i + 1]))
            {
                while (i < source.Length && (char.IsDigit(source[i]) || source[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, source[start..i], new(start, i - start)));
                continue;
            }

            var (kind, length) = Symbol(source, i);
            tokens.Add(new Token(kind, source.Substring(i, length), new(start, length)));
            i += length;
        }

        tokens.Add(new Token(TokenKind.End, "", new(source.Length, 0)));
        return tokens;
    }

    private static (TokenKind Kind, int Length) Symbol(string source, int i)
    {
        char c = source[i];
        char next = i + 1 < source.Length ? source[i + 1] : '\0';
        return c switch
        {
            '+' => (TokenKind.Plus, 1),
            '-' or '−' => (TokenKind.Minus, 1),
            '*' or '·' or '⋅' => (TokenKind.Star, 1),
            '/' => (TokenKind.Slash, 1),
            '.' when next == '*' => (TokenKind.Hadamard, 2),
            '⊙' or '∘' => (TokenKind.Hadamard, 1),
            '\'' or 'ᵀ' or '′' => (TokenKind.Transpose, 1),
            '^' when next == 'T' => (TokenKind.Transpose, 2),
            '^' when next == '2' => (TokenKind.Squared, 2),
            '²' => (TokenKind.Squared, 1),
            '‖' => (TokenKind.Norm, 1),
            '|' when next == '|' => (TokenKind.Norm, 2),
            '(' => (TokenKind.LeftParenthesis, 1),
            ')' => (TokenKind.RightParenthesis, 1),
            ',' => (TokenKind.Comma, 1),
            '=' => (TokenKind.Equals, 1),
            ';' or '\n' => (TokenKind.Separator, 1),
            _ => throw new SymbolicException(
                $"Unexpected character '{c}'. Operators are + - * · / .* ⊙ ' ^T ᵀ and ‖·‖².",
                source, new SourceSpan(i, 1)),
        };
    }
}
