namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Expands the differential d(E) of a typed expression one rule at a time, recording each
/// step. Names outside <c>variables</c> are constants, so their differential is 0 and the terms
/// that contain it vanish.
/// </summary>
internal sealed class Differentials
{
    private readonly IReadOnlySet<string> _variables;
    private readonly ShapeInference _shapes;

    public Differentials(IReadOnlySet<string> variables, ShapeInference shapes)
    {
        _variables = variables;
        _shapes = shapes;
    }

    /// <summary>
    /// Expands d(<paramref name="value"/>) and returns the lines (without a Left) and the
    /// differential, or null when it is 0. <paramref name="output"/> names the statement whose
    /// value this is, so that f′ can be written through it.
    /// </summary>
    public (List<DerivationLine> Lines, Expression? Differential) Expand(Expression value, string? output)
    {
        var lines = new List<DerivationLine>();
        Expression? current = Resolve(new DifferentialOfExpression(value));
        lines.Add(new DerivationLine(null, [current ?? Zero], "the differential of the right-hand side"));
        while (current is not null && FindUnexpanded(current) is { } target)
        {
            var (replacement, rule) = ExpandOne(target.Operand, value, output);
            current = Substitute(current, target, replacement is null ? null : Resolve(replacement));
            lines.Add(new DerivationLine(null, Simplifier.Flatten(current ?? Zero).ToList(), rule));
        }

        return (lines, current);
    }

    private static readonly Expression Zero = new ConstantExpression(Coefficient.FromInteger(0));

    private static DifferentialOfExpression? FindUnexpanded(Expression expression)
    {
        if (expression is DifferentialOfExpression d)
        {
            return d;
        }

        foreach (var child in expression.Children)
        {
            if (FindUnexpanded(child) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private (Expression? Replacement, string Rule) ExpandOne(
        Expression operand, Expression statementValue, string? output)
    {
        static Expression D(Expression e) => new DifferentialOfExpression(e);
        switch (operand)
        {
            case BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum:
                return (sum with { Left = D(sum.Left), Right = D(sum.Right) },
                    "linearity: d(A ± B) = dA ± dB");
            case BinaryExpression { Operator: BinaryOperator.MatMul } product:
                return (Add(product with { Left = D(product.Left) },
                        product with { Right = D(product.Right) }),
                    "product rule: d(AB) = dA·B + A·dB");
            case BinaryExpression { Operator: BinaryOperator.ScalarMultiply, Left: ConstantExpression } scaled:
                return (scaled with { Right = D(scaled.Right) }, "constant factor: d(cA) = c·dA");
            case BinaryExpression { Operator: BinaryOperator.ScalarMultiply } scaled:
                return (Add(scaled with { Left = D(scaled.Left) }, scaled with { Right = D(scaled.Right) }),
                    "product rule: d(sA) = ds·A + s·dA");
            case BinaryExpression { Operator: BinaryOperator.Hadamard } hadamard:
                return (Add(hadamard with { Left = D(hadamard.Left) },
                        hadamard with { Right = D(hadamard.Right) }),
                    "product rule: d(A ⊙ B) = dA ⊙ B + A ⊙ dB");
            case BinaryExpression { Operator: BinaryOperator.Frobenius } frobenius:
                return (Add(frobenius with { Left = D(frobenius.Left) },
                        frobenius with { Right = D(frobenius.Right) }),
                    "product rule: d(A : B) = dA : B + A : dB");
            case TransposeExpression transpose:
                return (new TransposeExpression(D(transpose.Operand)), "transpose: d(Aᵀ) = (dA)ᵀ");
            case FunctionExpression function:
                string? through = ReferenceEquals(function, statementValue) || function.Equals(statementValue)
                    ? output
                    : null;
                var derivative = new DerivativeExpression(function.Function, function.Operand, through);
                return (new BinaryExpression(BinaryOperator.Hadamard, derivative, D(function.Operand)),
                    $"element-wise function: d {FunctionName(function.Function)}(Z) = " +
                    $"{FunctionName(function.Function)}′(Z) ⊙ dZ");
            case SoftmaxExpression softmax:
                Expression rows = ReferenceEquals(softmax, statementValue) && output is not null
                    ? new NameExpression(output)
                    : softmax;
                var shape = _shapes.ShapeOf(softmax.Operand);
                var weighted = new BinaryExpression(BinaryOperator.Hadamard, rows, D(softmax.Operand));
                var mean = new BroadcastExpression(BroadcastKind.Columns,
                    new ReductionExpression(Reduction.SumColumns,
                        new BinaryExpression(BinaryOperator.Hadamard, rows, D(softmax.Operand))), shape);
                return (new BinaryExpression(BinaryOperator.Subtract, weighted,
                        new BinaryExpression(BinaryOperator.Hadamard, rows, mean)),
                    "softmax of each row: with S = softmax(Z), dS = S ⊙ dZ - S ⊙ (Σⱼ (S ⊙ dZ)[:,j])·1ᵀ");
            case ReductionExpression { Kind: Reduction.SquaredNorm } norm:
                return (new BinaryExpression(BinaryOperator.Frobenius,
                        Simplifier.Scale(Coefficient.FromInteger(2), norm.Operand), D(norm.Operand)),
                    "squared norm: ‖A‖² = A : A, so d‖A‖² = 2A : dA");
            case ReductionExpression reduction:
                return (reduction with { Operand = D(reduction.Operand) },
                    $"linearity: d {ReductionName(reduction.Kind)}(A) = {ReductionName(reduction.Kind)}(dA)");
            case BroadcastExpression broadcast:
                return (broadcast with { Operand = D(broadcast.Operand) },
                    "broadcast: d(1·b) = 1·db");
            case CrossEntropyExpression entropy:
                return (CrossEntropyDifferential(entropy),
                    "softmax cross-entropy: with rows of T summing to 1, dL = (1/B)(softmax(Z) - T) : dZ " +
                    "- (1/B) log softmax(Z) : dT");
            default:
                throw new InvalidOperationException($"No differential rule for {operand.GetType().Name}.");
        }
    }

    private Expression CrossEntropyDifferential(CrossEntropyExpression entropy)
    {
        var batch = Coefficient.FromDimension(_shapes.ShapeOf(entropy.Logits).Rows).Reciprocal();
        var softmax = new SoftmaxExpression(entropy.Logits);
        var logits = new BinaryExpression(BinaryOperator.Frobenius,
            Simplifier.Scale(batch, new BinaryExpression(BinaryOperator.Subtract, softmax, entropy.Targets)),
            new DifferentialOfExpression(entropy.Logits));
        var targets = new BinaryExpression(BinaryOperator.Frobenius,
            Simplifier.Scale(batch.Negate(), new FunctionExpression(ElementwiseFunction.Log, softmax)),
            new DifferentialOfExpression(entropy.Targets));
        return Add(logits, targets);
    }

    // Replaces d(name) by dName or 0 and d(constant) by 0, which needs no rule of its own.
    private Expression? Resolve(Expression expression)
    {
        if (expression is DifferentialOfExpression d)
        {
            return d.Operand switch
            {
                NameExpression name => _variables.Contains(name.Name)
                    ? new DifferentialExpression(name.Name)
                    : null,
                ConstantExpression or IdentityExpression => null,
                _ => d,
            };
        }

        var children = expression.Children.ToList();
        if (children.Count == 0)
        {
            return expression;
        }

        var resolved = children.Select(Resolve).ToList();
        return Rebuild(expression, resolved);
    }

    private static Expression? Substitute(Expression expression, Expression target, Expression? replacement)
    {
        if (ReferenceEquals(expression, target))
        {
            return replacement;
        }

        var children = expression.Children.ToList();
        if (children.Count == 0)
        {
            return expression;
        }

        return Rebuild(expression, children.Select(c => Substitute(c, target, replacement)).ToList());
    }

    // Rebuilds a node from operands where null means 0: a sum keeps its other term, and any
    // product or linear map of 0 is 0.
    private static Expression? Rebuild(Expression expression, List<Expression?> children)
    {
        if (expression is BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum)
        {
            var (left, right) = (children[0], children[1]);
            if (left is null && right is null)
            {
                return null;
            }

            if (left is null)
            {
                return sum.Operator == BinaryOperator.Add
                    ? right
                    : Simplifier.Scale(Coefficient.MinusOne, right!);
            }

            return right is null ? left : sum with { Left = left, Right = right };
        }

        if (children.Any(child => child is null))
        {
            return null;
        }

        return expression.WithChildren(children!);
    }

    private static Expression Add(Expression left, Expression right) =>
        new BinaryExpression(BinaryOperator.Add, left, right);

    public static string FunctionName(ElementwiseFunction function) => function switch
    {
        ElementwiseFunction.Relu => "relu",
        ElementwiseFunction.Tanh => "tanh",
        ElementwiseFunction.Sigmoid => "σ",
        ElementwiseFunction.Exp => "exp",
        _ => "log",
    };

    private static string ReductionName(Reduction kind) => kind switch
    {
        Reduction.Sum => "sum",
        Reduction.SumRows => "sum₀",
        Reduction.SumColumns => "sum₁",
        Reduction.Mean => "mean",
        Reduction.MeanRows => "mean₀",
        Reduction.MeanColumns => "mean₁",
        Reduction.Trace => "tr",
        _ => "‖·‖²",
    };
}
