namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Checks shapes over symbolic dimensions and turns parsed nodes into typed ones: a product with
/// a [1,1] operand becomes a scalar multiple, a [1,M] row added to a [B,M] matrix becomes an
/// explicit broadcast 1_B·b, numbers and dimensions become constants, and calls become functions
/// and reductions. Every error names the operation, both shapes and the dimensions that differ.
/// </summary>
internal sealed class ShapeInference
{
    private static readonly string KnownFunctions =
        "relu, tanh, sigmoid, exp, log, softmax, sum, mean, trace, sqnorm, softmax_ce";

    private readonly string _source;
    private readonly IReadOnlyDictionary<string, MatrixShape> _shapes;
    private readonly IReadOnlySet<string> _dimensions;
    private readonly bool _gradientNames;
    private readonly Lazy<IReadOnlyDictionary<string, MatrixShape>>? _suggestions;

    /// <param name="source">The text the spans of parsed nodes point into.</param>
    /// <param name="shapes">The shape of every name in scope.</param>
    /// <param name="dimensions">The symbolic dimensions, which may appear as scalars.</param>
    /// <param name="gradientNames">Whether a name dV, for a V in scope, means ∂L/∂V.</param>
    /// <param name="suggestions">Shapes inferred on first use for undeclared names, which the
    /// error for an undeclared name offers as the declaration to add.</param>
    public ShapeInference(string source, IReadOnlyDictionary<string, MatrixShape> shapes,
        IReadOnlySet<string> dimensions, bool gradientNames = false,
        Lazy<IReadOnlyDictionary<string, MatrixShape>>? suggestions = null)
    {
        _source = source;
        _shapes = shapes;
        _dimensions = dimensions;
        _gradientNames = gradientNames;
        _suggestions = suggestions;
    }

    /// <summary>Types <paramref name="expression"/> and returns it with its shape.</summary>
    /// <exception cref="SymbolicException">A name is undeclared, an operation's shapes do not
    /// fit, or a construct is unsupported.</exception>
    public (Expression Value, MatrixShape Shape) Infer(Expression expression) => expression switch
    {
        NameExpression name => InferName(name),
        NumberExpression number =>
            (new ConstantExpression(Coefficient.FromDecimal(number.Value)) { Span = number.Span },
                MatrixShape.Scalar),
        ConstantExpression => (expression, MatrixShape.Scalar),
        DifferentialExpression d => (d, ShapeOfName(d.Name, d)),
        GradientExpression g => (g, ShapeOfName(g.Name, g)),
        IdentityExpression identity => (identity, new MatrixShape(identity.Size, identity.Size)),
        NegateExpression negate => InferNegate(negate),
        TransposeExpression transpose => InferTranspose(transpose),
        BinaryExpression binary => InferBinary(binary),
        CallExpression call => InferCall(call),
        FunctionExpression function => InferUnchanged(function),
        DerivativeExpression derivative => InferUnchanged(derivative),
        SoftmaxExpression softmax => InferUnchanged(softmax),
        DifferentialOfExpression differential => InferUnchanged(differential),
        ReductionExpression reduction => InferReduction(reduction.Kind, reduction.Operand, reduction),
        BroadcastExpression broadcast => InferBroadcast(broadcast),
        CrossEntropyExpression entropy => InferCrossEntropy(entropy.Logits, entropy.Targets, entropy),
        _ => throw new InvalidOperationException($"No shape rule for {expression.GetType().Name}."),
    };

    /// <summary>Returns the shape of an expression that is already typed.</summary>
    public MatrixShape ShapeOf(Expression expression) => Infer(expression).Shape;

    private (Expression, MatrixShape) InferName(NameExpression name)
    {
        if (_shapes.TryGetValue(name.Name, out var shape))
        {
            return (name, shape);
        }

        if (_dimensions.Contains(name.Name))
        {
            var constant = Coefficient.FromDimension(Dimension.Of(name.Name));
            return (new ConstantExpression(constant) { Span = name.Span }, MatrixShape.Scalar);
        }

        if (_gradientNames && name.Name.Length > 1 && name.Name[0] == 'd' &&
            _shapes.TryGetValue(name.Name[1..], out var gradientShape))
        {
            return (new GradientExpression(name.Name[1..]) { Span = name.Span }, gradientShape);
        }

        string known = _shapes.Count == 0 ? "none" : string.Join(", ", _shapes.Keys);
        string example = _suggestions is not null
            && _suggestions.Value.TryGetValue(name.Name, out var suggested)
            ? MathText.Shape(suggested, false)
            : "B×N";
        throw Error($"{name.Name} is not declared. Declare its shape, for example " +
            $"--shapes \"{name.Name}: {example}\" (declared names: {known}), or leave out " +
            "--shapes to infer every shape.", name);
    }

    private MatrixShape ShapeOfName(string name, Expression node) =>
        _shapes.TryGetValue(name, out var shape)
            ? shape
            : throw Error($"{name} is not declared.", node);

    private (Expression, MatrixShape) InferNegate(NegateExpression negate)
    {
        var (operand, shape) = Infer(negate.Operand);
        var minusOne = new ConstantExpression(Coefficient.MinusOne);
        var value = new BinaryExpression(BinaryOperator.ScalarMultiply, minusOne, operand)
        {
            Span = negate.Span,
        };
        return (value, shape);
    }

    private (Expression, MatrixShape) InferTranspose(TransposeExpression transpose)
    {
        var (operand, shape) = Infer(transpose.Operand);
        return (transpose with { Operand = operand }, shape.Transposed);
    }

    private (Expression, MatrixShape) InferUnchanged(Expression node)
    {
        var (operand, shape) = Infer(node.Children.Single());
        var value = node.WithChildren([operand]);
        if (node is DerivativeExpression or FunctionExpression or SoftmaxExpression
            or DifferentialOfExpression)
        {
            return (value, shape);
        }

        throw new InvalidOperationException($"No shape rule for {node.GetType().Name}.");
    }

    private (Expression, MatrixShape) InferBinary(BinaryExpression binary)
    {
        var (left, leftShape) = Infer(binary.Left);
        var (right, rightShape) = Infer(binary.Right);
        var typed = binary with { Left = left, Right = right };
        switch (binary.Operator)
        {
            case BinaryOperator.Add:
            case BinaryOperator.Subtract:
                return InferSum(typed, leftShape, rightShape);
            case BinaryOperator.MatMul:
                if (leftShape.IsScalar)
                {
                    return (typed with { Operator = BinaryOperator.ScalarMultiply }, rightShape);
                }

                if (rightShape.IsScalar)
                {
                    return (new BinaryExpression(BinaryOperator.ScalarMultiply, right, left)
                    {
                        Span = binary.Span,
                    }, leftShape);
                }

                if (leftShape.Columns != rightShape.Rows)
                {
                    throw Error($"{Text(binary)}: {leftShape} times {rightShape}, inner " +
                        $"dimensions {leftShape.Columns} and {rightShape.Rows} differ. A product " +
                        "A·B needs the columns of A to match the rows of B; check the order of " +
                        "the operands and whether one needs a transpose.", binary);
                }

                return (typed, new MatrixShape(leftShape.Rows, rightShape.Columns));
            case BinaryOperator.ScalarMultiply:
                if (!leftShape.IsScalar)
                {
                    throw Error($"{Text(binary)}: the left operand of a scalar multiple has shape " +
                        $"{leftShape}, not [1,1].", binary);
                }

                return (typed, rightShape);
            case BinaryOperator.Divide:
                if (left is ConstantExpression && !(right is ConstantExpression))
                {
                    throw Error($"{Text(binary)}: division is supported only by a number or a " +
                        "dimension, such as X / 2 or X / B.", binary.Right);
                }

                if (right is not ConstantExpression divisor)
                {
                    throw Error($"{Text(binary)}: division is supported only by a number or a " +
                        "dimension, such as X / 2 or X / B.", binary.Right);
                }

                if (divisor.Value.Numerator.IsZero)
                {
                    throw Error($"{Text(binary)}: division by zero.", binary.Right);
                }

                var reciprocal = new ConstantExpression(divisor.Value.Reciprocal()) { Span = divisor.Span };
                return (new BinaryExpression(BinaryOperator.ScalarMultiply, reciprocal, left)
                {
                    Span = binary.Span,
                }, leftShape);
            case BinaryOperator.Hadamard:
                if (leftShape != rightShape)
                {
                    throw Error($"{Text(binary)}: the element-wise product needs equal shapes, " +
                        $"but got {leftShape} and {rightShape}{Disagreement(leftShape, rightShape)}.",
                        binary);
                }

                return (typed, leftShape);
            case BinaryOperator.Frobenius:
                if (leftShape != rightShape)
                {
                    throw Error($"{Text(binary)}: the Frobenius product needs equal shapes, but " +
                        $"got {leftShape} and {rightShape}.", binary);
                }

                return (typed, MatrixShape.Scalar);
            default:
                throw new InvalidOperationException($"Unknown operator {binary.Operator}.");
        }
    }

    private (Expression, MatrixShape) InferSum(
        BinaryExpression sum, MatrixShape leftShape, MatrixShape rightShape)
    {
        if (leftShape == rightShape)
        {
            return (sum, leftShape);
        }

        if (TryBroadcast(sum.Right, rightShape, leftShape, out var right))
        {
            return (sum with { Right = right }, leftShape);
        }

        if (TryBroadcast(sum.Left, leftShape, rightShape, out var left))
        {
            return (sum with { Left = left }, rightShape);
        }

        string operation = sum.Operator == BinaryOperator.Add ? "add" : "subtract";
        throw Error($"{Text(sum)}: cannot {operation} {leftShape} and {rightShape}" +
            $"{Disagreement(leftShape, rightShape)}. Shapes must be equal, or one operand a " +
            $"[1,{leftShape.Columns}] row that is broadcast over the rows.", sum);
    }

    private static bool TryBroadcast(
        Expression operand, MatrixShape shape, MatrixShape target, out Expression broadcast)
    {
        BroadcastKind? kind = null;
        if (shape.IsScalar)
        {
            kind = BroadcastKind.Scalar;
        }
        else if (shape.Rows.IsOne && shape.Columns == target.Columns)
        {
            kind = BroadcastKind.Rows;
        }
        else if (shape.Columns.IsOne && shape.Rows == target.Rows)
        {
            kind = BroadcastKind.Columns;
        }

        broadcast = kind is null
            ? operand
            : new BroadcastExpression(kind.Value, operand, target) { Span = operand.Span };
        return kind is not null;
    }

    private (Expression, MatrixShape) InferBroadcast(BroadcastExpression broadcast)
    {
        var (operand, shape) = Infer(broadcast.Operand);
        bool fits = broadcast.Kind switch
        {
            BroadcastKind.Rows => shape == new MatrixShape(Dimension.One, broadcast.Target.Columns),
            BroadcastKind.Columns => shape == new MatrixShape(broadcast.Target.Rows, Dimension.One),
            _ => shape.IsScalar,
        };
        if (!fits)
        {
            throw new InvalidOperationException(
                $"A {broadcast.Kind} broadcast of {shape} to {broadcast.Target} does not fit.");
        }

        return (broadcast with { Operand = operand }, broadcast.Target);
    }

    private (Expression, MatrixShape) InferCall(CallExpression call)
    {
        string name = call.Function;
        var function = name switch
        {
            "relu" => ElementwiseFunction.Relu,
            "tanh" => ElementwiseFunction.Tanh,
            "sigmoid" or "σ" => ElementwiseFunction.Sigmoid,
            "exp" => ElementwiseFunction.Exp,
            "log" => ElementwiseFunction.Log,
            _ => (ElementwiseFunction?)null,
        };
        if (function is not null)
        {
            RequireArguments(call, 1, $"{name}(Z)");
            var (operand, shape) = Infer(call.Arguments[0]);
            return (new FunctionExpression(function.Value, operand) { Span = call.Span }, shape);
        }

        switch (name)
        {
            case "sum":
            case "mean":
                return InferAxisReduction(call, name == "sum");
            case "tr":
            case "trace":
                RequireArguments(call, 1, "trace(A)");
                return InferReduction(Reduction.Trace, call.Arguments[0], call);
            case "sqnorm":
            case "frob2":
                RequireArguments(call, 1, "sqnorm(A)");
                return InferReduction(Reduction.SquaredNorm, call.Arguments[0], call);
            case "softmax_ce":
            case "cross_entropy":
                RequireArguments(call, 2, "softmax_ce(Z, T)");
                return InferCrossEntropy(call.Arguments[0], call.Arguments[1], call);
            case "softmax":
                RequireArguments(call, 1, "softmax(Z)");
                var (logits, logitsShape) = Infer(call.Arguments[0]);
                return (new SoftmaxExpression(logits) { Span = call.Span }, logitsShape);
            default:
                throw Error($"Unknown function '{name}'. Known functions: {KnownFunctions}.", call);
        }
    }

    private (Expression, MatrixShape) InferAxisReduction(CallExpression call, bool isSum)
    {
        string name = isSum ? "sum" : "mean";
        if (call.Arguments.Count is < 1 or > 2)
        {
            throw Error($"{name} takes a matrix and an optional axis: {name}(A), {name}(A, 0) " +
                $"or {name}(A, axis=1).", call);
        }

        if (call.Arguments.Count == 1)
        {
            return InferReduction(isSum ? Reduction.Sum : Reduction.Mean, call.Arguments[0], call);
        }

        var axis = call.Arguments[1];
        var kind = axis switch
        {
            NumberExpression { Value: 0 } => isSum ? Reduction.SumRows : Reduction.MeanRows,
            NumberExpression { Value: 1 } => isSum ? Reduction.SumColumns : Reduction.MeanColumns,
            _ => throw Error($"The axis of {name} must be 0 (over the rows, giving [1,C]) or 1 " +
                "(over the columns, giving [R,1]).", axis),
        };
        return InferReduction(kind, call.Arguments[0], call);
    }

    private (Expression, MatrixShape) InferReduction(Reduction kind, Expression argument, Expression node)
    {
        var (operand, shape) = Infer(argument);
        var result = kind switch
        {
            Reduction.SumRows or Reduction.MeanRows => new MatrixShape(Dimension.One, shape.Columns),
            Reduction.SumColumns or Reduction.MeanColumns => new MatrixShape(shape.Rows, Dimension.One),
            _ => MatrixShape.Scalar,
        };
        if (kind == Reduction.Trace && shape.Rows != shape.Columns)
        {
            throw Error($"{Text(node)}: the trace needs a square matrix, but the operand has " +
                $"shape {shape}, and {shape.Rows} and {shape.Columns} differ.", node);
        }

        return (new ReductionExpression(kind, operand) { Span = node.Span }, result);
    }

    private (Expression, MatrixShape) InferCrossEntropy(
        Expression logitsSource, Expression targetsSource, Expression node)
    {
        var (logits, logitsShape) = Infer(logitsSource);
        var (targets, targetsShape) = Infer(targetsSource);
        if (logitsShape != targetsShape)
        {
            throw Error($"{Text(node)}: the logits have shape {logitsShape} and the targets " +
                $"{targetsShape}; they must be equal.", node);
        }

        if (targets is not NameExpression)
        {
            throw Error($"{Text(node)}: the targets must be a declared name, because the " +
                "gradient (softmax(Z) - T)/B holds only when each row of T sums to 1.", targetsSource);
        }

        return (new CrossEntropyExpression(logits, targets) { Span = node.Span }, MatrixShape.Scalar);
    }

    private void RequireArguments(CallExpression call, int count, string usage)
    {
        if (call.Arguments.Count != count)
        {
            throw Error($"{call.Function} takes {count} argument{(count == 1 ? "" : "s")}: " +
                $"{usage}.", call);
        }
    }

    private static string Disagreement(MatrixShape left, MatrixShape right)
    {
        var parts = new List<string>();
        if (left.Rows != right.Rows)
        {
            parts.Add($"rows {left.Rows} and {right.Rows} differ");
        }

        if (left.Columns != right.Columns)
        {
            parts.Add($"columns {left.Columns} and {right.Columns} differ");
        }

        return parts.Count == 0 ? "" : ": " + string.Join(" and ", parts);
    }

    private string Text(Expression node) =>
        node.Span.Length > 0 && node.Span.End <= _source.Length
            ? _source.Substring(node.Span.Start, node.Span.Length)
            : MathText.Plain(node);

    private SymbolicException Error(string message, Expression node) =>
        new(message, _source, node.Span);
}
