using System.Globalization;
using System.Numerics;
using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Writes typed expressions as LaTeX or as plain Unicode text. In both, the differential of V is
/// dV (\mathrm{d}V), the gradient ∂L/∂V is G_V, the sum over the batch is Σᵢ E[i,:], and a
/// broadcast row is 1_B·b.
/// </summary>
internal static class MathText
{
    private const int SumLevel = 1;
    private const int ProductLevel = 2;
    private const int PostfixLevel = 3;
    private const int AtomLevel = 4;

    public static string Latex(Expression expression) => Write(expression, true).Text;

    public static string Plain(Expression expression) => Write(expression, false).Text;

    public static string Name(string name, bool latex)
    {
        if (!latex)
        {
            return name;
        }

        int digits = name.Length;
        while (digits > 0 && char.IsDigit(name[digits - 1]))
        {
            digits--;
        }

        string stem = name[..digits];
        string index = name[digits..];
        int underscore = stem.IndexOf('_');
        if (underscore > 0 && index.Length == 0)
        {
            index = stem[(underscore + 1)..];
            stem = stem[..underscore];
            index = index.Length > 1 ? $@"\mathrm{{{index}}}" : index;
        }

        string head = stem.Length > 1 ? $@"\mathrm{{{stem}}}" : stem;
        return index.Length == 0 ? head : $"{head}_{{{index}}}";
    }

    public static string Dimension(Dimension dimension, bool latex) => dimension.Symbol is null
        ? dimension.Size.ToString(CultureInfo.InvariantCulture)
        : Name(dimension.Symbol, latex);

    public static string Shape(MatrixShape shape, bool latex) => latex
        ? $@"{Dimension(shape.Rows, true)} \times {Dimension(shape.Columns, true)}"
        : $"{Dimension(shape.Rows, false)}×{Dimension(shape.Columns, false)}";

    /// <summary>Writes a constant such as 2, 1/B or -2/(B·M).</summary>
    public static string Constant(Coefficient value, bool latex)
    {
        var up = new List<string>();
        var down = new List<string>();
        BigInteger numerator = BigInteger.Abs(value.Numerator);
        if (!numerator.IsOne || value.Powers.All(pair => pair.Value < 0))
        {
            up.Add(numerator.ToString(CultureInfo.InvariantCulture));
        }

        if (!value.Denominator.IsOne)
        {
            down.Add(value.Denominator.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (symbol, power) in value.Powers)
        {
            string text = Name(symbol, latex);
            int magnitude = Math.Abs(power);
            if (magnitude > 1)
            {
                text = latex ? $"{text}^{{{magnitude}}}" : $"{text}^{magnitude}";
            }

            (power > 0 ? up : down).Add(text);
        }

        string separator = latex ? " " : "·";
        string top = up.Count == 0 ? "1" : string.Join(separator, up);
        string sign = value.IsNegative ? "-" : "";
        if (down.Count == 0)
        {
            return sign + top;
        }

        string bottom = string.Join(separator, down);
        if (latex)
        {
            return $@"{sign}\frac{{{top}}}{{{bottom}}}";
        }

        return down.Count > 1 ? $"{sign}{top}/({bottom})" : $"{sign}{top}/{bottom}";
    }

    private static (string Text, int Level) Write(Expression expression, bool latex) =>
        expression switch
        {
            NameExpression name => (Name(name.Name, latex), AtomLevel),
            DifferentialExpression d => (latex ? $@"\mathrm{{d}}{Name(d.Name, true)}" : "d" + d.Name,
                AtomLevel),
            GradientExpression g => (latex ? $"G_{{{Name(g.Name, true)}}}" : "G_" + g.Name, AtomLevel),
            ConstantExpression constant => (Constant(constant.Value, latex),
                constant.Value.IsNegative || !constant.Value.Denominator.IsOne ||
                constant.Value.Powers.Any(pair => pair.Value < 0) ? ProductLevel : AtomLevel),
            IdentityExpression identity => (latex
                ? $"I_{{{Dimension(identity.Size, true)}}}"
                : $"I_{Dimension(identity.Size, false)}", AtomLevel),
            NumberExpression number => (number.Value.ToString(CultureInfo.InvariantCulture), AtomLevel),
            NegateExpression negate => ("-" + Operand(negate.Operand, ProductLevel + 1, latex),
                ProductLevel),
            TransposeExpression transpose => (Operand(transpose.Operand, PostfixLevel + 1, latex) +
                (latex ? @"^{\top}" : "ᵀ"), PostfixLevel),
            BinaryExpression binary => WriteBinary(binary, latex),
            FunctionExpression function => (FunctionName(function.Function, latex) + "(" +
                Write(function.Operand, latex).Text + ")", AtomLevel),
            DerivativeExpression derivative => WriteDerivative(derivative, latex),
            ReductionExpression reduction => WriteReduction(reduction, latex),
            BroadcastExpression broadcast => WriteBroadcast(broadcast, latex),
            SoftmaxExpression softmax => ((latex ? @"\operatorname{softmax}(" : "softmax(") +
                Write(softmax.Operand, latex).Text + ")", AtomLevel),
            CrossEntropyExpression entropy => ((latex ? @"\operatorname{CE}(" : "softmax_ce(") +
                Write(entropy.Logits, latex).Text + ", " + Write(entropy.Targets, latex).Text + ")",
                AtomLevel),
            DifferentialOfExpression d => ((latex ? @"\mathrm{d}(" : "d(") +
                Write(d.Operand, latex).Text + ")", AtomLevel),
            CallExpression call => (call.Function + "(" +
                string.Join(", ", call.Arguments.Select(a => Write(a, latex).Text)) + ")", AtomLevel),
            _ => throw new InvalidOperationException($"No text form for {expression.GetType().Name}."),
        };

    private static (string, int) WriteBinary(BinaryExpression binary, bool latex)
    {
        switch (binary.Operator)
        {
            case BinaryOperator.Add when IsNegativeMultiple(binary.Right, out var positive):
                return (Write(binary.Left, latex).Text + " - " +
                    Operand(positive, SumLevel + 1, latex), SumLevel);
            case BinaryOperator.Add:
                return (Write(binary.Left, latex).Text + " + " + Write(binary.Right, latex).Text,
                    SumLevel);
            case BinaryOperator.Subtract:
                return (Write(binary.Left, latex).Text + " - " +
                    Operand(binary.Right, SumLevel + 1, latex), SumLevel);
            case BinaryOperator.MatMul:
                return (Operand(binary.Left, Level(binary.Left, BinaryOperator.MatMul), latex) +
                    (latex ? " " : "·") + Operand(binary.Right, ProductLevel + 1, latex), ProductLevel);
            case BinaryOperator.Hadamard:
                return (Operand(binary.Left, Level(binary.Left, BinaryOperator.Hadamard), latex) +
                    (latex ? @" \odot " : " ⊙ ") + Operand(binary.Right, ProductLevel + 1, latex),
                    ProductLevel);
            case BinaryOperator.Divide:
                return (Operand(binary.Left, ProductLevel, latex) + " / " +
                    Operand(binary.Right, ProductLevel + 1, latex), ProductLevel);
            case BinaryOperator.Frobenius when binary.Left is ConstantExpression { Value.IsOne: true }:
                return Write(binary.Right, latex);
            case BinaryOperator.Frobenius:
                return (FrobeniusOperand(binary.Left, latex) + " : " +
                    FrobeniusOperand(binary.Right, latex), SumLevel);
            case BinaryOperator.ScalarMultiply:
                return WriteScalarMultiple(binary, latex);
            default:
                throw new InvalidOperationException($"Unknown operator {binary.Operator}.");
        }
    }

    // The language gives all products one level, but A ⊙ B·C misleads a reader, so a matrix
    // product inside a Hadamard product, or the reverse, always gets parentheses.
    private static int Level(Expression operand, BinaryOperator parent) => operand switch
    {
        BinaryExpression { Operator: BinaryOperator.Hadamard } when parent == BinaryOperator.MatMul =>
            ProductLevel + 1,
        BinaryExpression { Operator: BinaryOperator.MatMul or BinaryOperator.ScalarMultiply }
            when parent == BinaryOperator.Hadamard => ProductLevel + 1,
        BroadcastExpression { Kind: not BroadcastKind.Scalar } or ReductionExpression
            when parent == BinaryOperator.Hadamard => ProductLevel + 1,
        DerivativeExpression { Function: ElementwiseFunction.Sigmoid or ElementwiseFunction.Log }
            when parent == BinaryOperator.MatMul => ProductLevel + 1,
        _ => ProductLevel,
    };

    private static (string, int) WriteScalarMultiple(BinaryExpression binary, bool latex)
    {
        string right = Operand(binary.Right, ProductLevel + 1, latex);
        if (binary.Left is ConstantExpression { Value: var value })
        {
            if (value.IsMinusOne)
            {
                return ("-" + right, ProductLevel);
            }

            if (value.IsOne)
            {
                return (Write(binary.Right, latex).Text, Write(binary.Right, latex).Level);
            }

            string factor = Constant(value, latex);
            if (!latex && (!value.Denominator.IsOne || value.Powers.Any(pair => pair.Value < 0)))
            {
                factor = value.IsNegative ? $"-({factor[1..]})" : $"({factor})";
            }

            return (factor + (latex ? " " : "·") + right, ProductLevel);
        }

        return (Operand(binary.Left, ProductLevel, latex) + (latex ? " " : "·") + right, ProductLevel);
    }

    private static bool IsNegativeMultiple(Expression expression, out Expression positive)
    {
        if (expression is BinaryExpression
            {
                Operator: BinaryOperator.ScalarMultiply,
                Left: ConstantExpression { Value.IsNegative: true } constant,
            } multiple)
        {
            var negated = constant.Value.Negate();
            positive = negated.IsOne
                ? multiple.Right
                : multiple with { Left = new ConstantExpression(negated) };
            return true;
        }

        if (expression is BinaryExpression { Operator: BinaryOperator.Frobenius } frobenius &&
            IsNegativeMultiple(frobenius.Left, out var positiveLeft))
        {
            positive = frobenius with { Left = positiveLeft };
            return true;
        }

        positive = expression;
        return false;
    }

    private static string FrobeniusOperand(Expression operand, bool latex)
    {
        var (text, level) = Write(operand, latex);
        return level >= PostfixLevel ? text : $"({text})";
    }

    private static (string, int) WriteDerivative(DerivativeExpression derivative, bool latex)
    {
        string at = Write(derivative.Operand, latex).Text;
        string atom = Operand(derivative.Operand, ProductLevel + 1, latex);
        string output = derivative.Output is null ? "" : Name(derivative.Output, latex);
        string odot = latex ? @" \odot " : " ⊙ ";
        switch (derivative.Function)
        {
            case ElementwiseFunction.Relu:
                string test = derivative.Output is null ? at : output;
                return (latex ? $@"\mathbb{{1}}[{test} > 0]" : $"1[{test} > 0]", AtomLevel);
            case ElementwiseFunction.Tanh:
                string tanh = derivative.Output is null
                    ? (latex ? $@"\tanh({at})" : $"tanh({at})")
                    : output;
                return ($"(1 - {tanh}{odot}{tanh})", AtomLevel);
            case ElementwiseFunction.Sigmoid:
                string sigma = derivative.Output is null
                    ? (latex ? $@"\sigma({at})" : $"σ({at})")
                    : output;
                return ($"{sigma}{odot}(1 - {sigma})", ProductLevel);
            case ElementwiseFunction.Exp:
                return (derivative.Output is null
                    ? (latex ? $@"\exp({at})" : $"exp({at})")
                    : output, AtomLevel);
            case ElementwiseFunction.Log:
                return ((latex ? @"1 \oslash " : "1 ⊘ ") + atom, ProductLevel);
            default:
                throw new InvalidOperationException($"Unknown function {derivative.Function}.");
        }
    }

    private static (string, int) WriteReduction(ReductionExpression reduction, bool latex)
    {
        string inner = Write(reduction.Operand, latex).Text;
        string atom = Operand(reduction.Operand, AtomLevel, latex);
        return reduction.Kind switch
        {
            Reduction.Sum => ((latex ? @"\operatorname{sum}(" : "sum(") + inner + ")", AtomLevel),
            Reduction.Mean => ((latex ? @"\operatorname{mean}(" : "mean(") + inner + ")", AtomLevel),
            Reduction.SumRows => (latex ? $@"\textstyle\sum_{{i}} {{{atom}}}_{{i,:}}" : $"Σᵢ {atom}[i,:]",
                ProductLevel),
            Reduction.SumColumns => (latex ? $@"\textstyle\sum_{{j}} {{{atom}}}_{{:,j}}" : $"Σⱼ {atom}[:,j]",
                ProductLevel),
            Reduction.MeanRows => (latex
                ? $@"\operatorname{{mean}}_{{i}} {{{atom}}}_{{i,:}}"
                : $"meanᵢ {atom}[i,:]", ProductLevel),
            Reduction.MeanColumns => (latex
                ? $@"\operatorname{{mean}}_{{j}} {{{atom}}}_{{:,j}}"
                : $"meanⱼ {atom}[:,j]", ProductLevel),
            Reduction.Trace => ((latex ? @"\operatorname{tr}(" : "tr(") + inner + ")", AtomLevel),
            Reduction.SquaredNorm => (latex ? $@"\lVert {inner} \rVert_F^2" : $"‖{inner}‖²_F",
                AtomLevel),
            _ => throw new InvalidOperationException($"Unknown reduction {reduction.Kind}."),
        };
    }

    private static (string, int) WriteBroadcast(BroadcastExpression broadcast, bool latex)
    {
        string rows = Dimension(broadcast.Target.Rows, latex);
        string columns = Dimension(broadcast.Target.Columns, latex);
        string operand = Operand(broadcast.Operand, ProductLevel + 1, latex);
        switch (broadcast.Kind)
        {
            case BroadcastKind.Rows:
                return (latex ? $@"\mathbf{{1}}_{{{rows}}} {operand}" : $"1_{rows}·{operand}",
                    ProductLevel);
            case BroadcastKind.Columns:
                return (latex ? $@"{operand} \mathbf{{1}}_{{{columns}}}^{{\top}}" : $"{operand}·1_{columns}ᵀ",
                    ProductLevel);
            default:
                string ones = latex ? $@"\mathbf{{1}}_{{{rows} \times {columns}}}" : $"1_{rows}×{columns}";
                if (broadcast.Operand is ConstantExpression { Value.IsOne: true })
                {
                    return (ones, AtomLevel);
                }

                return (latex ? $"{operand} {ones}" : $"{operand}·{ones}", ProductLevel);
        }
    }

    private static string FunctionName(ElementwiseFunction function, bool latex) => function switch
    {
        ElementwiseFunction.Relu => latex ? @"\operatorname{relu}" : "relu",
        ElementwiseFunction.Tanh => latex ? @"\tanh" : "tanh",
        ElementwiseFunction.Sigmoid => latex ? @"\sigma" : "σ",
        ElementwiseFunction.Exp => latex ? @"\exp" : "exp",
        _ => latex ? @"\log" : "log",
    };

    private static string Operand(Expression operand, int minimum, bool latex)
    {
        var (text, level) = Write(operand, latex);
        if (level >= minimum)
        {
            return text;
        }

        return latex ? $@"\left({text}\right)" : $"({text})";
    }

    /// <summary>Joins terms with + and -, for the lines of a derivation.</summary>
    public static string Terms(IEnumerable<Expression> terms, bool latex)
    {
        var text = new StringBuilder();
        foreach (var term in terms)
        {
            if (text.Length == 0)
            {
                text.Append(Write(term, latex).Text);
            }
            else if (IsNegativeMultiple(term, out var positive))
            {
                bool product = positive is BinaryExpression { Operator: BinaryOperator.Frobenius };
                text.Append(" - ").Append(product
                    ? Write(positive, latex).Text
                    : Operand(positive, SumLevel + 1, latex));
            }
            else
            {
                text.Append(" + ").Append(Write(term, latex).Text);
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }
}
