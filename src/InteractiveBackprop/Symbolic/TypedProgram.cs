namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Statements after parsing and shape inference, with the declared inputs. The last statement
/// is the output: the loss L, or a matrix Y whose gradient G_Y = ∂L/∂Y arrives from a loss
/// further on.
/// </summary>
internal sealed class TypedProgram
{
    private TypedProgram(string source, ShapeDeclarations declarations,
        IReadOnlyList<TypedStatement> statements, Dictionary<string, MatrixShape> shapes,
        bool outputIsLoss)
    {
        OutputIsLoss = outputIsLoss;
        Source = source;
        Declarations = declarations;
        Statements = statements;
        Shapes = shapes;
        Dimensions = declarations.Dimensions.ToHashSet(StringComparer.Ordinal);
    }

    public string Source { get; }

    /// <summary>
    /// Whether the output is the loss L itself: a [1,1] last statement named L or left unnamed.
    /// A [1,1] output under another name, such as the Y of X·W with 1×1 operands, is a matrix
    /// like any other, whose gradient G_Y arrives from a loss further on.
    /// </summary>
    public bool OutputIsLoss { get; }

    public ShapeDeclarations Declarations { get; }

    public IReadOnlyList<TypedStatement> Statements { get; }

    /// <summary>The shape of every input and every assigned name.</summary>
    public IReadOnlyDictionary<string, MatrixShape> Shapes { get; }

    public IReadOnlySet<string> Dimensions { get; }

    public TypedStatement Output => Statements[^1];

    /// <summary>The inputs the statements use, in order of first use.</summary>
    public IReadOnlyList<string> Inputs => Statements
        .SelectMany(statement => Names(statement.Value))
        .Where(name => Declarations.Shapes.ContainsKey(name)).Distinct().ToList();

    /// <summary>Creates the shape inference of this program's names, for expressions parsed
    /// from <paramref name="source"/> (this program's source when null).</summary>
    public ShapeInference Inference(string? source = null, bool gradientNames = false) =>
        new(source ?? Source, Shapes, Dimensions, gradientNames);

    /// <exception cref="SymbolicException">The source or the declarations cannot be parsed, a
    /// name is undeclared or assigned twice, or shapes do not fit.</exception>
    public static TypedProgram Create(string source, ShapeDeclarations declarations)
    {
        var parsed = Parser.ParseProgram(source);
        Lazy<IReadOnlyDictionary<string, MatrixShape>>? suggestions = null;
        if (declarations.Shapes.Count == 0)
        {
            declarations = ShapeUnification.Complete(parsed, declarations);
        }
        else
        {
            // With some declarations an undeclared name is more likely a typo, so it is reported,
            // with the shape that inference from the declared ones gives it as the suggestion.
            // The inference runs only when such an error needs it.
            var declared = declarations;
            suggestions = new(() => ShapeUnification.Complete(parsed, declared).Shapes);
        }
        var shapes = new Dictionary<string, MatrixShape>(declarations.Shapes, StringComparer.Ordinal);
        var dimensions = declarations.Dimensions.ToHashSet(StringComparer.Ordinal);
        var statements = new List<TypedStatement>();
        for (int i = 0; i < parsed.Count; i++)
        {
            var statement = parsed[i];
            var (value, shape) = new ShapeInference(source, shapes, dimensions,
                suggestions: suggestions).Infer(statement.Value);
            string name = statement.Name ?? (i == parsed.Count - 1
                ? FreshName(shape.IsScalar ? "L" : "Y", shapes)
                : throw new SymbolicException("Only the last statement may omit its name; write " +
                    "Name = expression.", source, statement.Value.Span));
            if (shapes.ContainsKey(name))
            {
                string reason = declarations.Shapes.ContainsKey(name)
                    ? "it is declared as an input"
                    : "an earlier statement assigns it";
                throw new SymbolicException($"{name} cannot be assigned because {reason}; choose " +
                    "another name.", source, statement.NameSpan);
            }

            if (dimensions.Contains(name))
            {
                throw new SymbolicException($"{name} is a dimension and cannot be assigned.",
                    source, statement.NameSpan);
            }

            shapes[name] = shape;
            statements.Add(new TypedStatement(name, value, shape, statement.Value.Span));
        }

        var last = statements[^1];
        bool outputIsLoss = last.Shape.IsScalar && (parsed[^1].Name is null || last.Name == "L");
        return new TypedProgram(source, declarations, statements, shapes, outputIsLoss);
    }

    private static string FreshName(string name, Dictionary<string, MatrixShape> shapes)
    {
        string candidate = name;
        for (int i = 1; shapes.ContainsKey(candidate); i++)
        {
            candidate = name + "out" + i;
        }

        return candidate;
    }

    public static IEnumerable<string> Names(Expression expression) =>
        NameNodes(expression).Select(node => node.Name);

    /// <summary>Returns the name nodes of <paramref name="expression"/>, in reading order.
    /// </summary>
    public static IEnumerable<NameExpression> NameNodes(Expression expression) =>
        expression is NameExpression name
            ? [name]
            : expression.Children.SelectMany(NameNodes);
}
