using System.Text;

namespace InteractiveBackprop.Tests.Symbolic;

/// <summary>
/// Generates well-typed programs over the dimensions B, N and M: every expression is built for a
/// requested shape, so each product's inner dimensions agree by construction.
/// </summary>
internal sealed class RandomExpressions
{
    public const string Shapes = "X: B×N, W: N×M, V: M×N, U: B×M, S: N×N, P: M×M, R: B×B, " +
        "b: 1×M, c: 1×N";

    private static readonly string[] Dimensions = ["B", "N", "M"];

    private static readonly Dictionary<(string, string), string> Names = new()
    {
        [("B", "N")] = "X", [("N", "M")] = "W", [("M", "N")] = "V", [("B", "M")] = "U",
        [("N", "N")] = "S", [("M", "M")] = "P", [("B", "B")] = "R", [("1", "M")] = "b",
        [("1", "N")] = "c",
    };

    private readonly Random _random;
    private string? _intermediate;

    public RandomExpressions(int seed) => _random = new Random(seed);

    /// <summary>Returns one or two statements whose last is a matrix Y or a scalar L.</summary>
    public string Program()
    {
        var text = new StringBuilder();
        _intermediate = null;
        if (_random.Next(2) == 0)
        {
            text.Append("H = ").Append(Matrix("B", "N", 2)).Append("; ");
            _intermediate = "H";
        }

        switch (_random.Next(5))
        {
            case 0:
                text.Append("L = sum(").Append(Matrix("B", "M", 2)).Append(" .* ").Append(Matrix("B", "M", 1))
                    .Append(')');
                break;
            case 1:
                text.Append("L = ‖").Append(Matrix("N", "M", 2)).Append("‖²");
                break;
            case 2:
                text.Append("L = tr(").Append(Matrix("N", "N", 2)).Append(')');
                break;
            case 3:
                text.Append("L = mean(").Append(Matrix("B", "N", 2)).Append(')');
                break;
            default:
                text.Append("Y = ").Append(Matrix("B", "M", 3));
                break;
        }

        return text.ToString();
    }

    private string Matrix(string rows, string columns, int depth)
    {
        if (depth == 0)
        {
            return Leaf(rows, columns);
        }

        int choice = _random.Next(rows == "1" ? 4 : 11);
        return choice switch
        {
            0 => $"({Matrix(rows, columns, depth - 1)} + {Matrix(rows, columns, depth - 1)})",
            1 => $"({Matrix(rows, columns, depth - 1)} - {Matrix(rows, columns, depth - 1)})",
            2 => $"(2 * {Matrix(rows, columns, depth - 1)})",
            3 => rows == "1"
                ? $"sum({Matrix("B", columns, depth - 1)}, 0)"
                : $"({Matrix(rows, columns, depth - 1)}) / {Dimensions[_random.Next(3)]}",
            4 => Product(rows, columns, depth),
            5 => Product(rows, columns, depth),
            6 => $"({Matrix(rows, columns, depth - 1)} .* {Matrix(rows, columns, depth - 1)})",
            7 => $"{Function()}({Matrix(rows, columns, depth - 1)})",
            8 => $"({Matrix(columns, rows, depth - 1)})'",
            9 => rows == "B" ? $"({Matrix(rows, columns, depth - 1)} + {Leaf("1", columns)})" : Product(rows, columns, depth),
            _ => $"log(sigmoid({Matrix(rows, columns, depth - 1)}))",
        };
    }

    private string Product(string rows, string columns, int depth)
    {
        string inner = Dimensions[_random.Next(3)];
        return $"({Matrix(rows, inner, depth - 1)} {Matrix(inner, columns, depth - 1)})";
    }

    private string Function() => new[] { "relu", "tanh", "sigmoid", "exp", "softmax" }[_random.Next(5)];

    private string Leaf(string rows, string columns)
    {
        if (_intermediate is not null && rows == "B" && columns == "N" && _random.Next(2) == 0)
        {
            return _intermediate;
        }

        if (Names.TryGetValue((rows, columns), out string? name) && (rows == "1" || _random.Next(3) > 0))
        {
            return name;
        }

        return Names.TryGetValue((columns, rows), out string? transposed)
            ? transposed + "'"
            : Names[(rows, columns)];
    }
}
