namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Infers the shapes of inputs, when none is declared, by unifying dimensions: a product joins the inner
/// dimensions, a sum or a Hadamard product joins both, a transpose swaps them. A name added to a
/// matrix whose row count nothing else fixes, such as the b of X W + b, is taken as a [1,M] row
/// broadcast over the rows. Dimensions left free are named B, N, M, K, ... in order of first use.
/// </summary>
/// <remarks>
/// Contradictions are not reported here; the declared shapes are kept, and shape inference then
/// names the operation that does not fit.
/// </remarks>
internal sealed class ShapeUnification
{
    private static readonly string[] Letters = ["B", "N", "M", "K", "C", "P", "Q", "R", "S", "D", "E", "F"];

    private static readonly Shape Scalar = new(-1, -1);

    private readonly List<int> _parent = [];
    private readonly Dictionary<int, Dimension> _bound = [];
    private readonly Dictionary<string, Shape> _names = new(StringComparer.Ordinal);
    private readonly List<string> _inferred = [];
    private readonly List<(Shape Sum, Shape Left, Shape Right, string? LeftName, string? RightName)> _sums = [];
    private readonly ShapeDeclarations _declared;
    private readonly Dictionary<string, int> _uses;
    private readonly int _unitVariable;

    private ShapeUnification(ShapeDeclarations declared, Dictionary<string, int> uses)
    {
        _declared = declared;
        _uses = uses;
        _unitVariable = Constant(Dimension.One);
        foreach (var (name, shape) in declared.Shapes)
        {
            _names[name] = new Shape(Constant(shape.Rows), Constant(shape.Columns));
        }
    }

    private readonly record struct Shape(int Rows, int Columns)
    {
        public bool IsScalar => Rows < 0;
    }

    /// <summary>Returns <paramref name="declared"/> with a shape for every undeclared input.</summary>
    public static ShapeDeclarations Complete(IReadOnlyList<Statement> statements, ShapeDeclarations declared)
    {
        var uses = statements.SelectMany(statement => TypedProgram.Names(statement.Value))
            .GroupBy(name => name).ToDictionary(group => group.Key, group => group.Count());
        var unification = new ShapeUnification(declared, uses);
        foreach (var statement in statements)
        {
            var shape = unification.Visit(statement.Value);
            if (statement.Name is not null && !unification._names.ContainsKey(statement.Name))
            {
                unification._names[statement.Name] = shape.IsScalar
                    ? new Shape(unification._unitVariable, unification._unitVariable)
                    : shape;
            }
        }

        if (unification._inferred.Count == 0)
        {
            return declared;
        }

        unification.ResolveSums();
        return declared.WithInferred(unification.Name());
    }

    private Shape Visit(Expression expression)
    {
        switch (expression)
        {
            case NameExpression name:
                return VisitName(name.Name);
            case NumberExpression:
                return Scalar;
            case NegateExpression negate:
                return Visit(negate.Operand);
            case TransposeExpression transpose:
                var operand = Visit(transpose.Operand);
                return operand.IsScalar ? operand : new Shape(operand.Columns, operand.Rows);
            case BinaryExpression binary:
                return VisitBinary(binary);
            case CallExpression call:
                return VisitCall(call);
            default:
                return Fresh();
        }
    }

    private Shape VisitName(string name)
    {
        if (_names.TryGetValue(name, out var shape))
        {
            return shape;
        }

        if (_declared.Dimensions.Contains(name))
        {
            return Scalar;
        }

        shape = Fresh();
        _names[name] = shape;
        _inferred.Add(name);
        return shape;
    }

    private Shape VisitBinary(BinaryExpression binary)
    {
        var left = Visit(binary.Left);
        var right = Visit(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.MatMul when left.IsScalar:
                return right;
            case BinaryOperator.MatMul when right.IsScalar:
                return left;
            case BinaryOperator.MatMul:
                Unify(left.Columns, right.Rows);
                return new Shape(left.Rows, right.Columns);
            case BinaryOperator.Divide:
                return left;
            case BinaryOperator.Hadamard when !left.IsScalar && !right.IsScalar:
                Unify(left.Rows, right.Rows);
                Unify(left.Columns, right.Columns);
                return left;
            case BinaryOperator.Add or BinaryOperator.Subtract when !left.IsScalar && !right.IsScalar:
                Unify(left.Columns, right.Columns);
                var sum = new Shape(NewVariable(), left.Columns);
                // Only an added name can be a bias; a subtracted one is a target such as T.
                bool add = binary.Operator == BinaryOperator.Add;
                _sums.Add((sum, left, right, add ? Bare(binary.Left) : null, add ? Bare(binary.Right) : null));
                return sum;
            default:
                return left.IsScalar ? right : left;
        }
    }

    private Shape VisitCall(CallExpression call)
    {
        var arguments = call.Arguments.Select(Visit).ToList();
        if (arguments.Count == 0)
        {
            return Fresh();
        }

        var first = arguments[0];
        switch (call.Function)
        {
            case "sum" or "mean" when arguments.Count == 2 && !first.IsScalar:
                return call.Arguments[1] is NumberExpression { Value: 1 }
                    ? new Shape(first.Rows, _unitVariable)
                    : new Shape(_unitVariable, first.Columns);
            case "sum" or "mean" or "sqnorm" or "frob2":
                return Scalar;
            case "tr" or "trace":
                if (!first.IsScalar)
                {
                    Unify(first.Rows, first.Columns);
                }

                return Scalar;
            case "softmax_ce" or "cross_entropy" when arguments.Count == 2:
                if (!first.IsScalar && !arguments[1].IsScalar)
                {
                    Unify(first.Rows, arguments[1].Rows);
                    Unify(first.Columns, arguments[1].Columns);
                }

                return Scalar;
            default:
                return first;
        }
    }

    // An inferred name that is added once, and whose row count nothing else fixes, becomes a bias
    // row. Every other sum joins the row counts of both operands.
    private void ResolveSums()
    {
        foreach (var (sum, left, right, leftName, rightName) in _sums)
        {
            if (IsFreeRow(rightName, right))
            {
                Unify(right.Rows, _unitVariable);
                Unify(sum.Rows, left.Rows);
            }
            else if (IsFreeRow(leftName, left))
            {
                Unify(left.Rows, _unitVariable);
                Unify(sum.Rows, right.Rows);
            }
            else
            {
                Unify(left.Rows, right.Rows);
                Unify(sum.Rows, left.Rows);
            }
        }
    }

    private bool IsFreeRow(string? name, Shape shape)
    {
        if (name is null || !_inferred.Contains(name) || _uses.GetValueOrDefault(name) != 1)
        {
            return false;
        }

        int root = Find(shape.Rows);
        return !_bound.ContainsKey(root) &&
            Enumerable.Range(0, _parent.Count).Count(variable => Find(variable) == root) == 1;
    }

    private Dictionary<string, MatrixShape> Name()
    {
        var used = _declared.Dimensions.Concat(_names.Keys).ToHashSet(StringComparer.Ordinal);
        var names = new Dictionary<int, Dimension>();
        var letters = Letters.Where(letter => !used.Contains(letter)).GetEnumerator();
        Dimension Resolve(int variable)
        {
            int root = Find(variable);
            if (_bound.TryGetValue(root, out var dimension))
            {
                return dimension;
            }

            if (!names.TryGetValue(root, out dimension))
            {
                dimension = Dimension.Of(letters.MoveNext() ? letters.Current : $"D{names.Count}");
                names[root] = dimension;
            }

            return dimension;
        }

        // Bias rows take their letters last, so that b + X W names X's dimensions B and N.
        var ordered = _inferred.OrderBy(name => Find(_names[name].Rows) == Find(_unitVariable) ? 1 : 0).ToList();
        var shapes = ordered.ToDictionary(name => name,
            name => new MatrixShape(Resolve(_names[name].Rows), Resolve(_names[name].Columns)));
        return _inferred.ToDictionary(name => name, name => shapes[name]);
    }

    private static string? Bare(Expression expression) =>
        expression is NameExpression name ? name.Name : null;

    private Shape Fresh() => new(NewVariable(), NewVariable());

    private int NewVariable()
    {
        _parent.Add(_parent.Count);
        return _parent.Count - 1;
    }

    private int Constant(Dimension dimension)
    {
        int variable = NewVariable();
        _bound[variable] = dimension;
        return variable;
    }

    private int Find(int variable)
    {
        while (_parent[variable] != variable)
        {
            _parent[variable] = _parent[_parent[variable]];
            variable = _parent[variable];
        }

        return variable;
    }

    private void Unify(int first, int second)
    {
        int a = Find(first);
        int b = Find(second);
        if (a == b)
        {
            return;
        }

        bool aBound = _bound.TryGetValue(a, out var aDimension);
        bool bBound = _bound.TryGetValue(b, out var bDimension);
        if (aBound && bBound && aDimension != bDimension)
        {
            return;
        }

        _parent[b] = a;
        if (!aBound && bBound)
        {
            _bound[a] = bDimension;
        }
    }
}
