using System.Globalization;
using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Writes a derivation as C# over the core's tensor API (MatMul, T, AddRow, Multiply, Map,
/// Sum(axis: 0), Scale) and <see cref="MatrixFunctions"/>. The gradient of V is the variable dV,
/// and a matrix output Y expects its upstream gradient in dY.
/// </summary>
internal sealed class CSharpWriter
{
    private readonly Derivation _derivation;
    private readonly ShapeInference _shapes;
    private readonly HashSet<string> _doubles = new(StringComparer.Ordinal);

    public CSharpWriter(Derivation derivation)
    {
        _derivation = derivation;
        _shapes = derivation.Program.Inference();
    }

    /// <summary>Writes the statements of the forward and the backward pass.</summary>
    public string WriteStatements()
    {
        var program = _derivation.Program;
        var code = new StringBuilder();
        string inputs = string.Join(", ", program.Inputs.Select(name => $"{name} {program.Shapes[name]}"));
        code.AppendLine($"// Forward pass; the inputs {inputs} are given.");
        foreach (var (dimension, _, source) in DimensionSources())
        {
            code.AppendLine($"int {dimension} = {source};");
        }

        foreach (var statement in program.Statements)
        {
            var (text, isDouble) = Write(statement.Value);
            if (isDouble)
            {
                _doubles.Add(statement.Name);
            }

            code.AppendLine($"var {statement.Name} = {text};");
        }

        var output = program.Output;
        code.AppendLine(program.OutputIsLoss
            ? $"// Backward pass: the gradients of the loss {output.Name}."
            : $"// Backward pass: d{output.Name} = ∂L/∂{output.Name} {output.Shape} arrives from the loss.");
        foreach (var gradient in _derivation.Gradients.Where(g => g.Formula is not null))
        {
            var (text, isDouble) = Write(gradient.Formula!);
            if (isDouble)
            {
                _doubles.Add("d" + gradient.Name);
            }

            code.AppendLine($"var d{gradient.Name} = {text};");
        }

        foreach (var gradient in _derivation.Gradients.Where(g => g.Formula is null))
        {
            code.AppendLine($"// L does not depend on {gradient.Name}, so d{gradient.Name} is 0.");
        }

        return code.ToString();
    }

    /// <summary>
    /// Writes a static method <c>Backward(IReadOnlyDictionary&lt;string, Tensor&gt; values)</c>
    /// that reads the inputs (and dY for a matrix output Y) by name and returns the gradients of
    /// the inputs by name (dX, dW, ...).
    /// </summary>
    public string WriteMethod(string name)
    {
        var program = _derivation.Program;
        var code = new StringBuilder();
        code.AppendLine($"public static System.Collections.Generic.Dictionary<string, " +
            $"InteractiveBackprop.Tensors.Tensor> {name}(System.Collections.Generic." +
            "IReadOnlyDictionary<string, InteractiveBackprop.Tensors.Tensor> values)");
        code.AppendLine("{");
        foreach (string input in DeclaredInputsInUse())
        {
            code.AppendLine($"    var {input} = values[\"{input}\"];");
        }

        if (!program.OutputIsLoss)
        {
            code.AppendLine($"    var d{program.Output.Name} = values[\"d{program.Output.Name}\"];");
        }

        foreach (string line in WriteStatements().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            code.Append("    ").AppendLine(line.TrimEnd('\r'));
        }

        code.AppendLine("    return new System.Collections.Generic.Dictionary<string, " +
            "InteractiveBackprop.Tensors.Tensor>");
        code.AppendLine("    {");
        foreach (var gradient in _derivation.Gradients.Where(g => g.Formula is not null && !g.IsIntermediate))
        {
            string value = "d" + gradient.Name;
            code.AppendLine($"        [\"{value}\"] = {AsTensor((value, _doubles.Contains(value)))},");
        }

        code.AppendLine("    };");
        code.AppendLine("}");
        return code.ToString();
    }

    // The inputs the statements use, then any other declared input that is the only source of
    // a dimension's size.
    private IReadOnlyList<string> DeclaredInputsInUse() =>
        _derivation.Program.Inputs.Concat(DimensionSources().Select(source => source.Input)).Distinct().ToList();

    private IEnumerable<(string Dimension, string Input, string Source)> DimensionSources()
    {
        var program = _derivation.Program;
        var candidates = program.Inputs.Concat(program.Declarations.Shapes.Keys).Distinct().ToList();
        foreach (string dimension in program.Declarations.Dimensions)
        {
            string name = candidates.First(input => program.Shapes[input].Rows.Symbol == dimension ||
                program.Shapes[input].Columns.Symbol == dimension);
            var shape = program.Shapes[name];
            yield return (dimension, name, shape.Rows.Symbol == dimension ? $"{name}.Rows" : $"{name}.Columns");
        }
    }

    private (string Code, bool IsDouble) Write(Expression expression)
    {
        switch (expression)
        {
            case NameExpression name:
                return (name.Name, _doubles.Contains(name.Name));
            case GradientExpression g:
                return ("d" + g.Name, _doubles.Contains("d" + g.Name));
            case ConstantExpression constant:
                return (Constant(constant.Value), true);
            case IdentityExpression identity:
                return ($"MatrixFunctions.Identity({Dimension(identity.Size)})", false);
            case TransposeExpression transpose:
                var operand = Write(transpose.Operand);
                return operand.IsDouble ? operand : (operand.Code + ".T", false);
            case BinaryExpression binary:
                return WriteBinary(binary);
            case FunctionExpression function:
                return (AsTensor(Write(function.Operand)) + $".Map({FunctionLambda(function.Function)})", false);
            case DerivativeExpression derivative:
                return (WriteDerivative(derivative), false);
            case ReductionExpression reduction:
                return WriteReduction(reduction);
            case BroadcastExpression broadcast:
                return (WriteBroadcast(broadcast), false);
            case SoftmaxExpression softmax:
                return ($"MatrixFunctions.Softmax({AsTensor(Write(softmax.Operand))})", false);
            case CrossEntropyExpression entropy:
                return ($"MatrixFunctions.SoftmaxCrossEntropy({AsTensor(Write(entropy.Logits))}, " +
                    $"{AsTensor(Write(entropy.Targets))})", true);
            default:
                throw new InvalidOperationException($"No C# form for {expression.GetType().Name}.");
        }
    }

    private (string, bool) WriteBinary(BinaryExpression binary)
    {
        if (binary is { Operator: BinaryOperator.Add, Right: BroadcastExpression { Kind: BroadcastKind.Rows } row })
        {
            return (AsTensor(Write(binary.Left)) + $".AddRow({AsTensor(Write(row.Operand))})", false);
        }

        if (binary is
            {
                Operator: BinaryOperator.Add,
                Right: BinaryExpression
                {
                    Operator: BinaryOperator.ScalarMultiply,
                    Left: ConstantExpression { Value.IsMinusOne: true },
                } negated,
            })
        {
            binary = new BinaryExpression(BinaryOperator.Subtract, binary.Left, negated.Right);
        }

        var left = Write(binary.Left);
        var right = Write(binary.Right);
        switch (binary.Operator)
        {
            case BinaryOperator.Add when left.IsDouble && right.IsDouble:
                return ($"({left.Code} + {right.Code})", true);
            case BinaryOperator.Subtract when left.IsDouble && right.IsDouble:
                return ($"({left.Code} - {right.Code})", true);
            case BinaryOperator.Add:
                return ($"{AsTensor(left)}.Add({AsTensor(right)})", false);
            case BinaryOperator.Subtract:
                return ($"{AsTensor(left)}.Subtract({AsTensor(right)})", false);
            case BinaryOperator.MatMul:
                return ($"{AsTensor(left)}.MatMul({AsTensor(right)})", false);
            case BinaryOperator.Hadamard:
                return ($"{AsTensor(left)}.Multiply({AsTensor(right)})", false);
            case BinaryOperator.Frobenius:
                return ($"{AsTensor(left)}.Multiply({AsTensor(right)}).Sum()", true);
            case BinaryOperator.ScalarMultiply when right.IsDouble:
                return ($"({AsDouble(left)} * {right.Code})", true);
            case BinaryOperator.ScalarMultiply:
                return ($"{right.Code}.Scale({AsDouble(left)})", false);
            default:
                throw new InvalidOperationException($"No C# form for {binary.Operator}.");
        }
    }

    private string WriteDerivative(DerivativeExpression derivative)
    {
        if (derivative.Output is { } output)
        {
            return derivative.Function switch
            {
                ElementwiseFunction.Relu => $"{output}.Map(h => h > 0 ? 1.0 : 0.0)",
                ElementwiseFunction.Tanh => $"{output}.Map(h => 1.0 - h * h)",
                ElementwiseFunction.Sigmoid => $"{output}.Map(h => h * (1.0 - h))",
                ElementwiseFunction.Exp => output,
                _ => AsTensor(Write(derivative.Operand)) + ".Map(z => 1.0 / z)",
            };
        }

        string lambda = derivative.Function switch
        {
            ElementwiseFunction.Relu => "z => z > 0 ? 1.0 : 0.0",
            ElementwiseFunction.Tanh => "z => 1.0 - Math.Tanh(z) * Math.Tanh(z)",
            ElementwiseFunction.Sigmoid => "z => 1.0 / (1.0 + Math.Exp(-z)) * (1.0 - 1.0 / (1.0 + Math.Exp(-z)))",
            ElementwiseFunction.Exp => "Math.Exp",
            _ => "z => 1.0 / z",
        };
        return AsTensor(Write(derivative.Operand)) + $".Map({lambda})";
    }

    private (string, bool) WriteReduction(ReductionExpression reduction)
    {
        string operand = AsTensor(Write(reduction.Operand));
        var shape = _shapes.ShapeOf(reduction.Operand);
        string rows = Dimension(shape.Rows);
        string columns = Dimension(shape.Columns);
        return reduction.Kind switch
        {
            Reduction.Sum => ($"{operand}.Sum()", true),
            Reduction.Mean => ($"({operand}.Sum() / ({rows} * {columns}))", true),
            Reduction.SumRows => ($"{operand}.Sum(axis: 0)", false),
            Reduction.SumColumns => ($"{operand}.Sum(axis: 1)", false),
            Reduction.MeanRows => ($"{operand}.Sum(axis: 0).Scale(1.0 / {rows})", false),
            Reduction.MeanColumns => ($"{operand}.Sum(axis: 1).Scale(1.0 / {columns})", false),
            Reduction.Trace => ($"MatrixFunctions.Trace({operand})", true),
            _ => ($"{operand}.Multiply({operand}).Sum()", true),
        };
    }

    private string WriteBroadcast(BroadcastExpression broadcast)
    {
        var operand = Write(broadcast.Operand);
        string rows = Dimension(broadcast.Target.Rows);
        string columns = Dimension(broadcast.Target.Columns);
        return broadcast.Kind switch
        {
            BroadcastKind.Rows => $"MatrixFunctions.BroadcastRows({AsTensor(operand)}, {rows})",
            BroadcastKind.Columns => $"MatrixFunctions.BroadcastColumns({AsTensor(operand)}, {columns})",
            _ => $"MatrixFunctions.Fill({rows}, {columns}, {AsDouble(operand)})",
        };
    }

    private static string FunctionLambda(ElementwiseFunction function) => function switch
    {
        ElementwiseFunction.Relu => "z => Math.Max(z, 0.0)",
        ElementwiseFunction.Tanh => "Math.Tanh",
        ElementwiseFunction.Sigmoid => "z => 1.0 / (1.0 + Math.Exp(-z))",
        ElementwiseFunction.Exp => "Math.Exp",
        _ => "Math.Log",
    };

    private static string Constant(Coefficient value)
    {
        string number = value.IsNumber
            ? value.FormatNumber()
            : ((double)value.Numerator).ToString("0.0###############", CultureInfo.InvariantCulture);
        var numerator = new List<string> { number };
        var denominator = new List<string>();
        if (!value.IsNumber && !value.Denominator.IsOne)
        {
            denominator.Add(value.Denominator.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var (symbol, power) in value.Powers)
        {
            (power > 0 ? numerator : denominator).AddRange(Enumerable.Repeat(symbol, Math.Abs(power)));
        }

        string top = string.Join(" * ", numerator);
        if (denominator.Count == 0)
        {
            return numerator.Count == 1 && !value.IsNegative ? top : $"({top})";
        }

        return $"({top} / ({string.Join(" * ", denominator)}))";
    }

    private static string Dimension(Dimension dimension) => dimension.ToString();

    private static string AsTensor((string Code, bool IsDouble) value) =>
        value.IsDouble ? $"MatrixFunctions.Scalar({value.Code})" : value.Code;

    private static string AsDouble((string Code, bool IsDouble) value) =>
        value.IsDouble ? value.Code : $"{value.Code}[0, 0]";
}
