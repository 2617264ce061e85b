namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Rearranges a term G : D, with D linear in the differentials, until it reads (C) : dV, from
/// which ∂L/∂V = C is read off. Each rule moves one operation from D onto G, using the
/// identities of the Frobenius product A : B = tr(AᵀB) = Σᵢⱼ AᵢⱼBᵢⱼ.
/// </summary>
internal sealed class FrobeniusRules
{
    private readonly ShapeInference _shapes;

    public FrobeniusRules(ShapeInference shapes) => _shapes = shapes;

    /// <summary>
    /// Rewrites <paramref name="terms"/> (each a Frobenius product G : D) one rule per line, in
    /// place, until every D is a bare differential.
    /// </summary>
    public List<DerivationLine> Rearrange(List<Expression> terms)
    {
        var lines = new List<DerivationLine>();
        while (true)
        {
            int index = terms.FindIndex(term => Split(term).Differential is not DifferentialExpression);
            if (index < 0)
            {
                return lines;
            }

            var (gradient, differential) = Split(terms[index]);
            var (replacement, rule) = Apply(gradient, differential);
            terms.RemoveAt(index);
            terms.InsertRange(index, replacement.Select(term =>
                Frobenius(Simplifier.Simplify(Split(term).Gradient), Split(term).Differential)));
            lines.Add(new DerivationLine(null, terms.ToList(), rule));
        }
    }

    public static Expression Frobenius(Expression gradient, Expression differential) =>
        new BinaryExpression(BinaryOperator.Frobenius, gradient, differential);

    public static (Expression Gradient, Expression Differential) Split(Expression term) =>
        term is BinaryExpression { Operator: BinaryOperator.Frobenius } frobenius
            ? (frobenius.Left, frobenius.Right)
            : throw new InvalidOperationException("A derivation term must be a Frobenius product.");

    private (List<Expression> Terms, string Rule) Apply(Expression g, Expression d)
    {
        switch (d)
        {
            case BinaryExpression { Operator: BinaryOperator.Add } sum:
                return ([Frobenius(g, sum.Left), Frobenius(g, sum.Right)],
                    "linearity: G : (A + B) = G : A + G : B");
            case BinaryExpression { Operator: BinaryOperator.Subtract } difference:
                return ([Frobenius(g, difference.Left),
                        Frobenius(Simplifier.Scale(Coefficient.MinusOne, g), difference.Right)],
                    "linearity: G : (A - B) = G : A - G : B");
            case BinaryExpression { Operator: BinaryOperator.ScalarMultiply } multiple
                when !multiple.Left.HasDifferential:
                return ([Frobenius(Simplifier.Multiple(multiple.Left, g), multiple.Right)],
                    "scalar factor: G : (s·dA) = s·G : dA");
            case BinaryExpression { Operator: BinaryOperator.ScalarMultiply } multiple:
                return ([Frobenius(Frobenius(g, multiple.Right), multiple.Left)],
                    "scalar differential: G : (A·ds) = (G : A)·ds");
            case BinaryExpression { Operator: BinaryOperator.MatMul } product
                when product.Right.HasDifferential:
                return ([Frobenius(Product(Simplifier.Transpose(product.Left), g), product.Right)],
                    "left factor: G : A·dB = AᵀG : dB");
            case BinaryExpression { Operator: BinaryOperator.MatMul } product:
                return ([Frobenius(Product(g, Simplifier.Transpose(product.Right)), product.Left)],
                    "right factor: G : dA·B = GBᵀ : dA");
            case TransposeExpression transpose:
                return ([Frobenius(Simplifier.Transpose(g), transpose.Operand)],
                    "transpose: G : dAᵀ = Gᵀ : dA");
            case BinaryExpression { Operator: BinaryOperator.Hadamard } hadamard:
                var (factor, rest) = hadamard.Right.HasDifferential
                    ? (hadamard.Left, hadamard.Right)
                    : (hadamard.Right, hadamard.Left);
                return ([Frobenius(new BinaryExpression(BinaryOperator.Hadamard, g, factor), rest)],
                    "Hadamard: G : (A ⊙ dB) = (G ⊙ A) : dB");
            case BinaryExpression { Operator: BinaryOperator.Frobenius } inner:
                var (constant, varying) = inner.Right.HasDifferential
                    ? (inner.Left, inner.Right)
                    : (inner.Right, inner.Left);
                return ([Frobenius(Simplifier.Multiple(g, constant), varying)],
                    "scalar Frobenius product: g·(A : dB) = gA : dB");
            case BroadcastExpression { Kind: BroadcastKind.Rows } rows:
                return ([Frobenius(new ReductionExpression(Reduction.SumRows, g), rows.Operand)],
                    "broadcast over the batch: G : 1·db = 1ᵀG : db, and 1ᵀG = Σᵢ G[i,:] is the " +
                    "sum of G over the batch");
            case BroadcastExpression { Kind: BroadcastKind.Columns } columns:
                return ([Frobenius(new ReductionExpression(Reduction.SumColumns, g), columns.Operand)],
                    "broadcast over the columns: G : dc·1ᵀ = G·1 : dc, the sum of G over the columns");
            case BroadcastExpression broadcast:
                return ([Frobenius(new ReductionExpression(Reduction.Sum, g), broadcast.Operand)],
                    "broadcast of a scalar: G : (ds·1) = sum(G)·ds");
            case ReductionExpression reduction:
                return ApplyReduction(g, reduction);
            default:
                throw new InvalidOperationException(
                    $"No Frobenius rule for {d.GetType().Name} in {MathText.Plain(d)}.");
        }
    }

    private (List<Expression>, string) ApplyReduction(Expression g, ReductionExpression reduction)
    {
        var operand = reduction.Operand;
        var shape = _shapes.ShapeOf(operand);
        var rows = Coefficient.FromDimension(shape.Rows).Reciprocal();
        var columns = Coefficient.FromDimension(shape.Columns).Reciprocal();
        Expression Fill(Expression scalar) => new BroadcastExpression(BroadcastKind.Scalar, scalar, shape);
        Expression Rows(Expression row) => new BroadcastExpression(BroadcastKind.Rows, row, shape);
        Expression Columns(Expression column) => new BroadcastExpression(BroadcastKind.Columns, column, shape);
        return reduction.Kind switch
        {
            Reduction.Sum => ([Frobenius(Fill(g), operand)], "sum: g·sum(dA) = g·1 : dA"),
            Reduction.Mean => ([Frobenius(Simplifier.Scale(rows.Multiply(columns), Fill(g)), operand)],
                "mean: g·mean(dA) = (g/(R·C))·1 : dA"),
            Reduction.SumRows => ([Frobenius(Rows(g), operand)],
                "sum over the rows: G : 1ᵀdA = 1·G : dA"),
            Reduction.MeanRows => ([Frobenius(Simplifier.Scale(rows, Rows(g)), operand)],
                "mean over the rows: G : (1/R)·1ᵀdA = (1/R)·1·G : dA"),
            Reduction.SumColumns => ([Frobenius(Columns(g), operand)],
                "sum over the columns: G : dA·1 = G·1ᵀ : dA"),
            Reduction.MeanColumns => ([Frobenius(Simplifier.Scale(columns, Columns(g)), operand)],
                "mean over the columns: G : (1/C)·dA·1 = (1/C)·G·1ᵀ : dA"),
            Reduction.Trace => ([Frobenius(Simplifier.Multiple(g, new IdentityExpression(shape.Rows)), operand)],
                "trace: g·tr(dA) = g·I : dA"),
            _ => throw new InvalidOperationException($"No Frobenius rule for {reduction.Kind}."),
        };
    }

    private static Expression Product(Expression left, Expression right) =>
        new BinaryExpression(BinaryOperator.MatMul, left, right);
}
