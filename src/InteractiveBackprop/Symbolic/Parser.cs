using System.Globalization;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// A recursive-descent parser of the expression language. The loosest operators are + and -.
/// The products (juxtaposition, * and ·, / by a scalar, .* and ⊙) bind tighter and are
/// left-associative at one level. Unary minus binds tighter still, and the postfix transposes
/// tightest. Nesting deeper than <see cref="MaxDepth"/> is rejected, so that hostile input
/// cannot exhaust the stack.
/// </summary>
internal sealed class Parser
{
    /// <summary>The deepest nesting of parentheses, calls, norms and unary operators accepted.</summary>
    public const int MaxDepth = 64;

    // A name followed by '(' is a call only for these; otherwise it is a product, as in W (X + b).
    private static readonly HashSet<string> Functions = new(StringComparer.Ordinal)
    {
        "relu", "tanh", "sigmoid", "σ", "exp", "log", "sum", "mean", "tr", "trace", "sqnorm",
        "frob2", "softmax_ce", "cross_entropy", "softmax",
    };

    /// <summary>
    /// The maximum number of operators and calls in a source. A long chain such as X + X + … nests
    /// no parentheses but still builds a deep tree, and every later pass recurses over it.
    /// </summary>
    public const int MaxOperators = 256;

    private readonly string _source;
    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;
    private int _normDepth;
    private int _operators;

    private Parser(string source)
    {
        _source = source;
        _tokens = Lexer.Tokenize(source);
    }

    private Token Current => _tokens[_position];

    /// <summary>Parses statements separated by <c>;</c> or newlines.</summary>
    /// <exception cref="SymbolicException">The source is not a sequence of statements.</exception>
    public static IReadOnlyList<Statement> ParseProgram(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source);
        var statements = new List<Statement>();
        while (true)
        {
            parser.SkipSeparators();
            if (parser.Current.Kind == TokenKind.End)
            {
                break;
            }

            statements.Add(parser.ParseStatement());
            if (parser.Current.Kind is not (TokenKind.Separator or TokenKind.End))
            {
                throw parser.Error($"Expected an operator or the end of the statement, but found " +
                    $"{Describe(parser.Current)}.", parser.Current.Span);
            }
        }

        if (statements.Count == 0)
        {
            throw new SymbolicException("There are no statements to read; write at least one, " +
                "for example Y = X W + b.", source,
                new SourceSpan(0, source.Length));
        }

        return statements;
    }

    /// <summary>Parses one expression that must fill the whole source.</summary>
    /// <exception cref="SymbolicException">The source is not one expression.</exception>
    public static Expression ParseExpression(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var parser = new Parser(source);
        var expression = parser.ParseSum();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Error($"Expected an operator or the end of the expression, but found " +
                $"{Describe(parser.Current)}.", parser.Current.Span);
        }

        return expression;
    }

    private Statement ParseStatement()
    {
        if (Current.Kind == TokenKind.Identifier && _tokens[_position + 1].Kind == TokenKind.Equals)
        {
            var name = Current;
            _position += 2;
            return new Statement(name.Text, name.Span, ParseSum());
        }

        return new Statement(null, default, ParseSum());
    }

    private Expression ParseSum()
    {
        var left = ParseProduct();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            CountOperator();
            var right = ParseProduct();
            left = new BinaryExpression(op, left, right) { Span = SourceSpan.Cover(left.Span, right.Span) };
        }

        return left;
    }

    private Expression ParseProduct()
    {
        var left = ParseUnary();
        while (true)
        {
            BinaryOperator op;
            if (Current.Kind == TokenKind.Star)
            {
                Advance();
                op = BinaryOperator.MatMul;
            }
            else if (Current.Kind == TokenKind.Slash)
            {
                Advance();
                op = BinaryOperator.Divide;
            }
            else if (Current.Kind == TokenKind.Hadamard)
            {
                Advance();
                op = BinaryOperator.Hadamard;
            }
            else if (StartsOperand(Current))
            {
                op = BinaryOperator.MatMul;
            }
            else
            {
                return left;
            }

            CountOperator();
            var right = ParseUnary();
            left = new BinaryExpression(op, left, right) { Span = SourceSpan.Cover(left.Span, right.Span) };
        }
    }

    private bool StartsOperand(Token token) => token.Kind switch
    {
        TokenKind.Identifier or TokenKind.Number or TokenKind.LeftParenthesis => true,
        TokenKind.Norm => _normDepth == 0,
        _ => false,
    };

    private Expression ParseUnary()
    {
        Enter();
        try
        {
            if (Current.Kind == TokenKind.Minus)
            {
                CountOperator();
                var minus = Advance();
                var operand = ParseUnary();
                return new NegateExpression(operand) { Span = SourceSpan.Cover(minus.Span, operand.Span) };
            }

            return ParsePostfix();
        }
        finally
        {
            _depth--;
        }
    }

    private Expression ParsePostfix()
    {
        var operand = ParsePrimary();
        while (Current.Kind is TokenKind.Transpose or TokenKind.Squared)
        {
            var token = Advance();
            if (token.Kind == TokenKind.Squared)
            {
                throw Error("A square is supported only on a norm, as ‖A‖² or ||A||^2; for an " +
                    "element-wise square write A .* A.", token.Span);
            }

            CountOperator();
            operand = new TransposeExpression(operand) { Span = SourceSpan.Cover(operand.Span, token.Span) };
        }

        return operand;
    }

    private Expression ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture, out decimal value))
                {
                    throw Error($"'{token.Text}' is not a number.", token.Span);
                }

                return new NumberExpression(value) { Span = token.Span };
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind == TokenKind.LeftParenthesis && Functions.Contains(token.Text))
                {
                    return ParseCall(token);
                }

                return new NameExpression(token.Text) { Span = token.Span };
            case TokenKind.LeftParenthesis:
                {
                    Advance();
                    int normDepth = _normDepth;
                    _normDepth = 0;
                    var inner = ParseSum();
                    _normDepth = normDepth;
                    var close = Expect(TokenKind.RightParenthesis, "')' to close the '(' opened here",
                        token.Span);
                    return inner with { Span = SourceSpan.Cover(token.Span, close.Span) };
                }

            case TokenKind.Norm:
                return ParseNorm();
            default:
                throw Error($"Expected a name, a number or '(', but found {Describe(token)}.",
                    token.Span);
        }
    }

    private Expression ParseNorm()
    {
        var open = Advance();
        _normDepth++;
        var inner = ParseSum();
        _normDepth--;
        Expect(TokenKind.Norm, $"'{open.Text}' to close the norm opened here", open.Span);
        if (Current.Kind == TokenKind.Identifier && Current.Text == "_F")
        {
            Advance();
        }

        if (Current.Kind != TokenKind.Squared)
        {
            throw Error("Only the squared Frobenius norm is supported: write ‖A‖² or ||A||^2.",
                Current.Span);
        }

        var square = Advance();
        if (Current.Kind == TokenKind.Identifier && Current.Text == "_F")
        {
            square = Advance();
        }

        return new CallExpression("sqnorm", [inner]) { Span = SourceSpan.Cover(open.Span, square.Span) };
    }

    private Expression ParseCall(Token name)
    {
        CountOperator();
        Advance();
        int normDepth = _normDepth;
        _normDepth = 0;
        var arguments = new List<Expression>();
        if (Current.Kind != TokenKind.RightParenthesis)
        {
            do
            {
                if (Current.Kind == TokenKind.Identifier && Current.Text == "axis" &&
                    _tokens[_position + 1].Kind == TokenKind.Equals)
                {
                    _position += 2;
                }

                arguments.Add(ParseSum());
            }
            while (TryAdvance(TokenKind.Comma));
        }

        _normDepth = normDepth;
        var close = Expect(TokenKind.RightParenthesis,
            $"')' to close the arguments of {name.Text}", name.Span);
        return new CallExpression(name.Text, arguments) { Span = SourceSpan.Cover(name.Span, close.Span) };
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            _depth = 0;
            throw Error($"The expression nests deeper than {MaxDepth} levels; split it into " +
                "statements such as H = ...; Y = ...", Current.Span);
        }
    }

    private void CountOperator()
    {
        if (++_operators > MaxOperators)
        {
            throw Error($"The source has more than {MaxOperators} operators; split it into " +
                "statements or shorten it.", Current.Span);
        }
    }

    private Token Advance() => _tokens[_position++];

    private bool TryAdvance(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _position++;
        return true;
    }

    private Token Expect(TokenKind kind, string expected, SourceSpan opening)
    {
        if (Current.Kind != kind)
        {
            throw Error($"Expected {expected} (at offset {opening.Start}), but found " +
                $"{Describe(Current)}.", Current.Span);
        }

        return Advance();
    }

    private void SkipSeparators()
    {
        while (Current.Kind == TokenKind.Separator)
        {
            _position++;
        }
    }

    private SymbolicException Error(string message, SourceSpan span) => new(message, _source, span);

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.End => "the end of the input",
        TokenKind.Separator => "the end of the statement",
        _ => $"'{token.Text}'",
    };
}
