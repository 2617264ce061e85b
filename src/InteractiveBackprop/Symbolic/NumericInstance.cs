using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// A seeded random instance of a program: a size for every symbolic dimension, a value for every
/// input, the forward values, and for a matrix output Y a random upstream gradient G_Y, so that
/// the loss is L = Σ G_Y ⊙ Y. The same seed gives the same instance.
/// </summary>
internal sealed class NumericInstance
{
    // Distinct small sizes let a transposed or swapped formula fail on shape, not pass by luck;
    // none is 2, so that a factor B cannot be mistaken for a factor 2.
    private static readonly int[] CandidateSizes = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    private readonly TypedProgram _program;

    private NumericInstance(TypedProgram program, Evaluator evaluator)
    {
        _program = program;
        Evaluator = evaluator;
    }

    public Evaluator Evaluator { get; }

    public static NumericInstance Create(TypedProgram program, int seed)
    {
        var random = new Random(seed);
        var sizes = CandidateSizes.OrderBy(_ => random.Next()).ToArray();
        var dimensions = program.Declarations.Dimensions;
        var bySymbol = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < dimensions.Count; i++)
        {
            bySymbol[dimensions[i]] = i < sizes.Length ? sizes[i] : CandidateSizes[^1] + i;
        }

        var instance = new NumericInstance(program, new Evaluator(bySymbol));
        instance.FillInputs(seed, -1.0, 1.0);
        if (!instance.ForwardIsFinite())
        {
            // A log or a division of random signed values can be NaN; positive inputs avoid it.
            instance.FillInputs(seed, 0.5, 1.5);
        }

        var output = program.Output;
        if (!program.OutputIsLoss)
        {
            instance.Evaluator.Gradients[output.Name] = Tensor.RandomUniform(
                instance.Evaluator.Size(output.Shape.Rows), instance.Evaluator.Size(output.Shape.Columns),
                unchecked(seed * 31 + 7));
        }

        instance.Forward();
        return instance;
    }

    /// <summary>Evaluates the statements in order, storing each assigned value.</summary>
    public void Forward()
    {
        foreach (var statement in _program.Statements)
        {
            Evaluator.Values[statement.Name] = Evaluator.Evaluate(statement.Value);
        }
    }

    /// <summary>Runs the forward pass and returns the scalar loss.</summary>
    public double Loss()
    {
        Forward();
        var output = Evaluator.Values[_program.Output.Name];
        return _program.OutputIsLoss
            ? output[0, 0]
            : output.Multiply(Evaluator.Gradients[_program.Output.Name]).Sum();
    }

    /// <summary>
    /// Estimates ∂L/∂<paramref name="name"/> by central differences, perturbing each element in
    /// place and restoring it.
    /// </summary>
    public Tensor CentralDifferences(string name)
    {
        var value = Evaluator.Values[name];
        var gradient = Tensor.Zeros(value.Rows, value.Columns);
        for (int i = 0; i < value.Rows; i++)
        {
            for (int j = 0; j < value.Columns; j++)
            {
                double original = value[i, j];
                double step = Step(original);
                value[i, j] = original + step;
                double plus = Loss();
                value[i, j] = original - step;
                double minus = Loss();
                value[i, j] = original;
                gradient[i, j] = (plus - minus) / (2 * step);
            }
        }

        Forward();
        return gradient;
    }

    // A step of about ε^(1/3)·max(1, |x|) balances the h² truncation error of the central
    // difference against its ε/h rounding error; a power of two keeps x ± h exact.
    private static double Step(double x) =>
        Math.ScaleB(1.0, -17) * Math.Pow(2, Math.Ceiling(Math.Log2(Math.Max(1.0, Math.Abs(x)))));

    private void FillInputs(int seed, double low, double high)
    {
        var targets = _program.Statements
            .SelectMany(statement => Targets(statement.Value)).ToHashSet(StringComparer.Ordinal);
        int index = 0;
        foreach (var (name, shape) in _program.Declarations.Shapes)
        {
            index++;
            int rows = Evaluator.Size(shape.Rows);
            int columns = Evaluator.Size(shape.Columns);
            var value = Tensor.RandomUniform(rows, columns, unchecked(seed + 7919 * index), low, high);
            Evaluator.Values[name] = targets.Contains(name) ? NormalizeRows(value.Map(Math.Abs)) : value;
        }
    }

    // Cross-entropy targets are rows of probabilities, as the gradient (softmax(Z) - T)/B needs.
    private static Tensor NormalizeRows(Tensor positive)
    {
        var totals = positive.Sum(axis: 1);
        var result = positive.Clone();
        for (int i = 0; i < result.Rows; i++)
        {
            for (int j = 0; j < result.Columns; j++)
            {
                result[i, j] = (positive[i, j] + 0.05) / (totals[i, 0] + 0.05 * result.Columns);
            }
        }

        return result;
    }

    private static IEnumerable<string> Targets(Expression expression) => expression is
        CrossEntropyExpression { Targets: NameExpression target }
        ? [target.Name]
        : expression.Children.SelectMany(Targets);

    private bool ForwardIsFinite()
    {
        try
        {
            Forward();
        }
        catch (ArgumentException)
        {
            return false;
        }

        return _program.Statements.All(statement =>
            IsFinite(Evaluator.Values[statement.Name]));
    }

    public static bool IsFinite(Tensor tensor)
    {
        foreach (double value in tensor.Span)
        {
            if (!double.IsFinite(value))
            {
                return false;
            }
        }

        return true;
    }
}
