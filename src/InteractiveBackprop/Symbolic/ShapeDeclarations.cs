using System.Globalization;
using System.Text.RegularExpressions;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// The declared shapes of the inputs, parsed from text such as <c>X: B×N, W: N×M, b: 1×M</c>.
/// Entries are separated by commas, semicolons or newlines; a dimension is a symbol or a
/// positive size; rows and columns are separated by <c>×</c>, <c>x</c> or <c>*</c>.
/// </summary>
internal sealed partial class ShapeDeclarations
{
    private readonly Dictionary<string, MatrixShape> _shapes;
    private readonly Dictionary<string, SourceSpan> _spans;

    private ShapeDeclarations(string source, Dictionary<string, MatrixShape> shapes,
        Dictionary<string, SourceSpan> spans)
    {
        Source = source;
        _shapes = shapes;
        _spans = spans;
    }

    public static ShapeDeclarations Empty { get; } = new("", [], []);

    /// <summary>The names whose shapes were inferred rather than declared.</summary>
    public IReadOnlyList<string> Inferred { get; private init; } = [];

    /// <summary>Returns these declarations with <paramref name="inferred"/> added.</summary>
    public ShapeDeclarations WithInferred(IReadOnlyDictionary<string, MatrixShape> inferred)
    {
        var shapes = new Dictionary<string, MatrixShape>(_shapes, StringComparer.Ordinal);
        foreach (var (name, shape) in inferred)
        {
            shapes[name] = shape;
        }

        return new ShapeDeclarations(Source, shapes, _spans) { Inferred = [.. Inferred, .. inferred.Keys] };
    }

    /// <summary>Formats every shape as a declaration, for example <c>X: B×N, b: 1×M</c>.</summary>
    public string Format() =>
        string.Join(", ", _shapes.Select(pair => $"{pair.Key}: {MathText.Shape(pair.Value, false)}"));

    public string Source { get; }

    public IReadOnlyDictionary<string, MatrixShape> Shapes => _shapes;

    /// <summary>The symbolic dimensions in order of first appearance.</summary>
    public IReadOnlyList<string> Dimensions => _shapes.Values
        .SelectMany(shape => new[] { shape.Rows, shape.Columns })
        .Where(dimension => dimension.Symbol is not null)
        .Select(dimension => dimension.Symbol!).Distinct().ToList();

    public SourceSpan SpanOf(string name) => _spans.GetValueOrDefault(name);

    /// <exception cref="SymbolicException">An entry is neither <c>name: rows×columns</c> nor
    /// <c>name: [rows,columns]</c>, a size is not positive, or a name is declared twice.
    /// </exception>
    public static ShapeDeclarations Parse(string? source)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return Empty;
        }

        int open = source.IndexOf('[', StringComparison.Ordinal);
        if (source.Count(c => c == '[') != source.Count(c => c == ']'))
        {
            throw new SymbolicException("The shape declarations have a '[' without its ']' or a " +
                "']' without its '['. Write name: [rows,columns], for example X: [B,N].", source,
                new SourceSpan(Math.Max(open, 0), 1));
        }

        var shapes = new Dictionary<string, MatrixShape>(StringComparer.Ordinal);
        var spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
        int offset = 0;
        foreach (string entry in Separator().Split(source))
        {
            int start = offset;
            offset += entry.Length + 1;
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            var match = Entry().Match(entry);
            var span = new SourceSpan(start, entry.Length);
            if (!match.Success)
            {
                throw new SymbolicException($"The shape declaration '{entry.Trim()}' is invalid. " +
                    "Write name: rows×columns or name: [rows,columns], for example X: B×N or " +
                    "b: [1,M].", source, span);
            }

            string name = match.Groups["name"].Value;
            var nameSpan = new SourceSpan(start + match.Groups["name"].Index, name.Length);
            if (shapes.ContainsKey(name))
            {
                throw new SymbolicException($"{name} is declared twice.", source, nameSpan);
            }

            var rows = ReadDimension(match.Groups["rows"], source, start);
            var columns = ReadDimension(match.Groups["columns"], source, start);
            shapes[name] = new MatrixShape(rows, columns);
            spans[name] = nameSpan;
        }

        var declarations = new ShapeDeclarations(source, shapes, spans);
        foreach (string dimension in declarations.Dimensions)
        {
            if (shapes.ContainsKey(dimension))
            {
                throw new SymbolicException($"{dimension} is declared as a matrix and used as a " +
                    "dimension; give the dimension another name.", source, spans[dimension]);
            }
        }

        return declarations;
    }

    private static Dimension ReadDimension(Group group, string source, int start)
    {
        if (!char.IsDigit(group.Value[0]) && group.Value[0] != '-')
        {
            return Dimension.Of(group.Value);
        }

        if (!int.TryParse(group.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
            out int size) || size < 1)
        {
            throw new SymbolicException($"The dimension {group.Value} is invalid; a size must be " +
                "a whole number of at least 1.", source, new SourceSpan(start + group.Index,
                group.Length));
        }

        return Dimension.Of(size);
    }

    // A comma, semicolon or newline separates entries, except the comma inside [rows,columns].
    [GeneratedRegex(@"[;\n]|,(?![^\[\]]*\])")]
    private static partial Regex Separator();

    // A dimension: a symbol such as B or a size such as 10.
    // A negative size matches too, so that its error names the size rather than the entry.
    private const string Size = @"[A-Za-z_][A-Za-z0-9_]*|-?\d+";

    // name: rows×columns (× may be x, X or *), or name: [rows,columns], the form that shapes
    // take in the core's messages.
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?:" +
        @"(?<rows>" + Size + @")\s*(?:×|x|X|\*)\s*(?<columns>" + Size + ")" +
        @"|\[\s*(?<rows>" + Size + @")\s*,\s*(?<columns>" + Size + @")\s*\])\s*$")]
    private static partial Regex Entry();
}
