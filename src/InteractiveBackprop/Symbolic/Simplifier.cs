namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Rewrites typed expressions into a simpler equal form: constants are folded and moved to the
/// front, transposes are pushed through products and sums until they cancel, identities and
/// all-ones factors disappear, and like terms of a sum are combined.
/// </summary>
internal static class Simplifier
{
    // Each pass shrinks or reorders the tree, so a fixed point comes quickly; the cap only
    // guards against a rule pair that undoes itself.
    private const int MaxPasses = 64;

    public static Expression Simplify(Expression expression)
    {
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            var next = Rewrite(expression);
            if (next.Equals(expression))
            {
                return next;
            }

            expression = next;
        }

        return expression;
    }

    private static Expression Rewrite(Expression expression)
    {
        var children = expression.Children.Select(Rewrite).ToList();
        var node = children.Count == 0 ? expression : expression.WithChildren(children);
        return node switch
        {
            BinaryExpression binary => RewriteBinary(binary),
            TransposeExpression transpose => RewriteTranspose(transpose),
            ReductionExpression reduction => RewriteReduction(reduction),
            BroadcastExpression broadcast => RewriteBroadcast(broadcast),
            _ => node,
        };
    }

    private static Expression RewriteBinary(BinaryExpression binary)
    {
        var (left, right) = (binary.Left, binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.ScalarMultiply:
                return RewriteScalarMultiple(left, right);
            case BinaryOperator.Subtract:
                return Sum(left, Scale(Coefficient.MinusOne, right));
            case BinaryOperator.Add:
                return CombineTerms(binary);
            case BinaryOperator.MatMul or BinaryOperator.Hadamard when IsScalarValued(left):
                return RewriteScalarMultiple(left, right);
            case BinaryOperator.MatMul or BinaryOperator.Hadamard when IsScalarValued(right):
                return RewriteScalarMultiple(right, left);
            case BinaryOperator.MatMul:
                if (left is IdentityExpression)
                {
                    return right;
                }

                if (right is IdentityExpression)
                {
                    return left;
                }

                return PullFactor(binary);
            case BinaryOperator.Hadamard:
                if (IsScalarFill(left, out var leftScalar))
                {
                    return Multiple(leftScalar, right);
                }

                if (IsScalarFill(right, out var rightScalar))
                {
                    return Multiple(rightScalar, left);
                }

                return PullFactor(binary);
            case BinaryOperator.Frobenius:
                if (IsScalarFill(left, out var fill))
                {
                    return Multiple(fill, new ReductionExpression(Reduction.Sum, right));
                }

                return PullFactor(binary);
            default:
                return binary;
        }
    }

    private static Expression RewriteScalarMultiple(Expression scalar, Expression operand)
    {
        if (scalar is ConstantExpression { Value.IsOne: true })
        {
            return operand;
        }

        if (operand is ConstantExpression { Value.IsOne: true })
        {
            return scalar;
        }

        if (scalar is ConstantExpression first && operand is ConstantExpression second)
        {
            return new ConstantExpression(first.Value.Multiply(second.Value));
        }

        if (operand is BinaryExpression
            {
                Operator: BinaryOperator.ScalarMultiply,
                Left: ConstantExpression inner,
            } multiple)
        {
            if (scalar is ConstantExpression outer)
            {
                return Scale(outer.Value.Multiply(inner.Value), multiple.Right);
            }

            return Scale(inner.Value, Multiple(scalar, multiple.Right));
        }

        if (scalar is BinaryExpression
            {
                Operator: BinaryOperator.ScalarMultiply,
                Left: ConstantExpression factor,
            } scaledScalar && operand is not ConstantExpression)
        {
            return Scale(factor.Value, Multiple(scaledScalar.Right, operand));
        }

        return Multiple(scalar, operand);
    }

    // Moves a scalar factor of either operand in front of a product: (cA)B = c(AB).
    private static Expression PullFactor(BinaryExpression binary)
    {
        if (binary.Left is BinaryExpression { Operator: BinaryOperator.ScalarMultiply } left)
        {
            return Multiple(left.Left, binary with { Left = left.Right });
        }

        if (binary.Right is BinaryExpression { Operator: BinaryOperator.ScalarMultiply } right)
        {
            return Multiple(right.Left, binary with { Right = right.Right });
        }

        return binary;
    }

    private static Expression RewriteTranspose(TransposeExpression transpose)
    {
        var operand = transpose.Operand;
        return operand switch
        {
            TransposeExpression inner => inner.Operand,
            IdentityExpression => operand,
            _ when IsScalarValued(operand) => operand,
            BinaryExpression { Operator: BinaryOperator.ScalarMultiply } multiple =>
                Multiple(multiple.Left, Transpose(multiple.Right)),
            BinaryExpression { Operator: BinaryOperator.MatMul } product =>
                new BinaryExpression(BinaryOperator.MatMul, Transpose(product.Right),
                    Transpose(product.Left)),
            BinaryExpression { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum =>
                sum with { Left = Transpose(sum.Left), Right = Transpose(sum.Right) },
            BroadcastExpression { Kind: BroadcastKind.Scalar } fill =>
                fill with { Target = fill.Target.Transposed },
            BroadcastExpression { Kind: BroadcastKind.Rows } rows =>
                new BroadcastExpression(BroadcastKind.Columns, Transpose(rows.Operand),
                    rows.Target.Transposed),
            BroadcastExpression { Kind: BroadcastKind.Columns } columns =>
                new BroadcastExpression(BroadcastKind.Rows, Transpose(columns.Operand),
                    columns.Target.Transposed),
            _ => transpose,
        };
    }

    private static Expression RewriteReduction(ReductionExpression reduction)
    {
        var operand = reduction.Operand;
        bool linear = reduction.Kind != Reduction.SquaredNorm;
        if (linear && operand is BinaryExpression { Operator: BinaryOperator.ScalarMultiply } multiple)
        {
            return Multiple(multiple.Left, reduction with { Operand = multiple.Right });
        }

        if (operand is BroadcastExpression broadcast)
        {
            var rows = Coefficient.FromDimension(broadcast.Target.Rows);
            var columns = Coefficient.FromDimension(broadcast.Target.Columns);
            switch (reduction.Kind, broadcast.Kind)
            {
                case (Reduction.SumRows, BroadcastKind.Rows):
                    return Scale(rows, broadcast.Operand);
                case (Reduction.MeanRows, BroadcastKind.Rows):
                case (Reduction.MeanColumns, BroadcastKind.Columns):
                case (Reduction.Mean, BroadcastKind.Scalar):
                    return broadcast.Operand;
                case (Reduction.SumColumns, BroadcastKind.Columns):
                    return Scale(columns, broadcast.Operand);
                case (Reduction.Sum, BroadcastKind.Scalar):
                    return Scale(rows.Multiply(columns), broadcast.Operand);
            }
        }

        return reduction;
    }

    private static Expression RewriteBroadcast(BroadcastExpression broadcast)
    {
        if (broadcast.Operand is BinaryExpression
            {
                Operator: BinaryOperator.ScalarMultiply,
                Left: ConstantExpression constant,
            } multiple)
        {
            return Scale(constant.Value, broadcast with { Operand = multiple.Right });
        }

        if (broadcast is { Kind: BroadcastKind.Scalar, Operand: ConstantExpression { Value.IsOne: false } c })
        {
            return Scale(c.Value, broadcast with { Operand = new ConstantExpression(Coefficient.One) });
        }

        return broadcast;
    }

    // Flattens a sum, adds the constant factors of terms that differ only in them, and drops
    // terms whose factor became 0 unless nothing else remains.
    private static Expression CombineTerms(BinaryExpression sum)
    {
        var terms = new List<(Coefficient Factor, Expression Term)>();
        foreach (var term in Flatten(sum))
        {
            var (factor, body) = Split(term);
            int index = terms.FindIndex(entry => entry.Term.Equals(body));
            var combined = index < 0 ? null : terms[index].Factor.TryAdd(factor);
            if (combined is null)
            {
                terms.Add((factor, body));
            }
            else
            {
                terms[index] = (combined, body);
            }
        }

        var kept = terms.Where(entry => !entry.Factor.IsZero).ToList();
        if (kept.Count == 0)
        {
            kept = [terms[0]];
        }

        return kept.Select(entry => Scale(entry.Factor, entry.Term))
            .Aggregate((left, right) => new BinaryExpression(BinaryOperator.Add, left, right));
    }

    public static IEnumerable<Expression> Flatten(Expression expression)
    {
        if (expression is BinaryExpression { Operator: BinaryOperator.Add } sum)
        {
            return Flatten(sum.Left).Concat(Flatten(sum.Right));
        }

        return [expression];
    }

    private static (Coefficient, Expression) Split(Expression term) => term is BinaryExpression
    {
        Operator: BinaryOperator.ScalarMultiply,
        Left: ConstantExpression constant,
    } multiple
        ? (constant.Value, multiple.Right)
        : (Coefficient.One, term);

    private static bool IsScalarFill(Expression expression, out Expression scalar)
    {
        if (expression is BroadcastExpression { Kind: BroadcastKind.Scalar } fill)
        {
            scalar = fill.Operand;
            return true;
        }

        scalar = expression;
        return false;
    }

    /// <summary>Whether the node always has shape [1,1], whatever its operands.</summary>
    public static bool IsScalarValued(Expression expression) => expression switch
    {
        ConstantExpression or CrossEntropyExpression => true,
        BinaryExpression { Operator: BinaryOperator.Frobenius } => true,
        BinaryExpression { Operator: BinaryOperator.ScalarMultiply } multiple =>
            IsScalarValued(multiple.Right),
        ReductionExpression reduction => reduction.Kind is Reduction.Sum or Reduction.Mean
            or Reduction.Trace or Reduction.SquaredNorm,
        _ => false,
    };

    public static Expression Scale(Coefficient factor, Expression operand) =>
        factor.IsOne ? operand : Multiple(new ConstantExpression(factor), operand);

    public static Expression Multiple(Expression scalar, Expression operand) =>
        new BinaryExpression(BinaryOperator.ScalarMultiply, scalar, operand);

    public static Expression Transpose(Expression operand) => new TransposeExpression(operand);

    public static Expression Sum(Expression left, Expression right) =>
        new BinaryExpression(BinaryOperator.Add, left, right);
}
