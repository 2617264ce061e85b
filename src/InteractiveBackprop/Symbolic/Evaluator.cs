using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Evaluates typed expressions with the core's tensor operations. A scalar is a [1,1] tensor.
/// </summary>
internal sealed class Evaluator
{
    public Evaluator(IReadOnlyDictionary<string, int> sizes) => Sizes = sizes;

    public IReadOnlyDictionary<string, int> Sizes { get; }

    public Dictionary<string, Tensor> Values { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Tensor> Gradients { get; } = new(StringComparer.Ordinal);

    public int Size(Dimension dimension) =>
        dimension.Symbol is null ? dimension.Size : Sizes[dimension.Symbol];

    public Tensor Evaluate(Expression expression) => expression switch
    {
        NameExpression name => Values[name.Name],
        GradientExpression g => Gradients[g.Name],
        ConstantExpression constant => MatrixFunctions.Scalar(constant.Value.Evaluate(Sizes)),
        IdentityExpression identity => MatrixFunctions.Identity(Size(identity.Size)),
        TransposeExpression transpose => Evaluate(transpose.Operand).T,
        BinaryExpression binary => EvaluateBinary(binary),
        FunctionExpression function => Evaluate(function.Operand).Map(Function(function.Function)),
        DerivativeExpression derivative => Evaluate(derivative.Operand).Map(Derivative(derivative.Function)),
        ReductionExpression reduction => EvaluateReduction(reduction),
        BroadcastExpression broadcast => EvaluateBroadcast(broadcast),
        SoftmaxExpression softmax => MatrixFunctions.Softmax(Evaluate(softmax.Operand)),
        CrossEntropyExpression entropy => MatrixFunctions.Scalar(MatrixFunctions.SoftmaxCrossEntropy(
            Evaluate(entropy.Logits), Evaluate(entropy.Targets))),
        _ => throw new InvalidOperationException($"Cannot evaluate {expression.GetType().Name}."),
    };

    private Tensor EvaluateBinary(BinaryExpression binary)
    {
        var left = Evaluate(binary.Left);
        var right = Evaluate(binary.Right);
        return binary.Operator switch
        {
            BinaryOperator.Add => left.Add(right),
            BinaryOperator.Subtract => left.Subtract(right),
            BinaryOperator.Hadamard => left.Multiply(right),
            BinaryOperator.MatMul => left.MatMul(right),
            BinaryOperator.ScalarMultiply => right.Scale(left[0, 0]),
            BinaryOperator.Frobenius => MatrixFunctions.Scalar(left.Multiply(right).Sum()),
            _ => throw new InvalidOperationException($"Cannot evaluate {binary.Operator}."),
        };
    }

    private Tensor EvaluateReduction(ReductionExpression reduction)
    {
        var value = Evaluate(reduction.Operand);
        return reduction.Kind switch
        {
            Reduction.Sum => MatrixFunctions.Scalar(value.Sum()),
            Reduction.Mean => MatrixFunctions.Scalar(value.Sum() / value.Length),
            Reduction.SumRows => value.Sum(axis: 0),
            Reduction.SumColumns => value.Sum(axis: 1),
            Reduction.MeanRows => value.Sum(axis: 0).Scale(1.0 / value.Rows),
            Reduction.MeanColumns => value.Sum(axis: 1).Scale(1.0 / value.Columns),
            Reduction.Trace => MatrixFunctions.Scalar(MatrixFunctions.Trace(value)),
            _ => MatrixFunctions.Scalar(value.Multiply(value).Sum()),
        };
    }

    private Tensor EvaluateBroadcast(BroadcastExpression broadcast)
    {
        var value = Evaluate(broadcast.Operand);
        int rows = Size(broadcast.Target.Rows);
        int columns = Size(broadcast.Target.Columns);
        return broadcast.Kind switch
        {
            BroadcastKind.Rows => MatrixFunctions.BroadcastRows(value, rows),
            BroadcastKind.Columns => MatrixFunctions.BroadcastColumns(value, columns),
            _ => MatrixFunctions.Fill(rows, columns, value[0, 0]),
        };
    }

    public static Func<double, double> Function(ElementwiseFunction function) => function switch
    {
        ElementwiseFunction.Relu => static z => Math.Max(z, 0.0),
        ElementwiseFunction.Tanh => Math.Tanh,
        ElementwiseFunction.Sigmoid => static z => 1.0 / (1.0 + Math.Exp(-z)),
        ElementwiseFunction.Exp => Math.Exp,
        _ => Math.Log,
    };

    public static Func<double, double> Derivative(ElementwiseFunction function) => function switch
    {
        ElementwiseFunction.Relu => static z => z > 0 ? 1.0 : 0.0,
        ElementwiseFunction.Tanh => static z => 1.0 - Math.Tanh(z) * Math.Tanh(z),
        ElementwiseFunction.Sigmoid => static z =>
        {
            double s = 1.0 / (1.0 + Math.Exp(-z));
            return s * (1.0 - s);
        },
        ElementwiseFunction.Exp => Math.Exp,
        _ => static z => 1.0 / z,
    };
}
