using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// The structure of an affine layer Y = X·W + b, or Y = X·Wᵀ + b for a weight stored [M,N] as
/// PyTorch stores it, with or without the bias. It is found by testing the layer's output
/// rather than its type, so that a user's own Linear gets the same diagnosis as the bundled one.
/// Its candidates are the products of X, W, Y and dY, with and without transposes, that have
/// the shape of a gradient or of its transpose.
/// </summary>
internal sealed class AffineStructure : IGradientStructure
{
    // The layer's output must equal X·W + b to rounding: a few ulps of the largest element.
    private const double ForwardTolerance = 1e-9;

    private readonly Operand _input;
    private readonly Operand _weight;
    private readonly Operand _output;
    private readonly Operand _upstream;
    private readonly string? _biasName;
    private readonly bool _weightTransposed;
    private readonly Dictionary<string, IReadOnlyList<GradientCandidate>> _candidates = [];

    private AffineStructure(
        Tensor input, Parameter weight, Parameter? bias, bool weightTransposed, Tensor output,
        Tensor upstream)
    {
        _weightTransposed = weightTransposed;
        _input = new Operand("X", "X", input);
        _weight = new Operand(weight.Name, weight.Name, weight.Value.Clone());
        _output = new Operand("Y", "Y", output);
        _upstream = new Operand("dY", @"\frac{\partial L}{\partial Y}", upstream);
        _biasName = bias?.Name;
        WeightGradient = weight.GradientName;
        BiasGradient = bias?.GradientName;
        Description = (bias is null ? "linear Y = " : "affine Y = ") + Forward.Text;
    }

    public string Description { get; }

    /// <summary>The forward formula as plain text and LaTeX, such as Y = X·W + b.</summary>
    public (string Text, string Latex) Forward
    {
        get
        {
            var weight = new Factor(_weight, _weightTransposed);
            return _biasName is null
                ? ($"X·{weight.Text}", $@"X\,{weight.Latex}")
                : ($"X·{weight.Text} + {_biasName}", $@"X\,{weight.Latex} + {_biasName}");
        }
    }

    private string WeightGradient { get; }

    private string? BiasGradient { get; }

    /// <summary>
    /// Returns the structure when <paramref name="layer"/> has a weight [N,M] (or [M,N]), at
    /// most a bias [1,M] besides, and its output on <paramref name="input"/> is X·W + b (or
    /// X·Wᵀ + b); otherwise <see langword="null"/>.
    /// </summary>
    public static AffineStructure? TryDetect(
        ILayer layer, Tensor input, Tensor output, Tensor upstream) =>
        TryOrientation(layer, input, output, upstream, weightTransposed: false)
        ?? TryOrientation(layer, input, output, upstream, weightTransposed: true);

    public (string Text, string Latex)? FormulaOf(string gradient)
    {
        if (gradient == BiasGradient)
        {
            return ("1ᵀ·dY, the column sums of dY", $@"\mathbf{{1}}^\top {_upstream.Latex}");
        }

        if (Correct(gradient) is not { } correct)
        {
            return null;
        }

        var (left, right) = correct;
        return ($"{left.Text}·{right.Text}", $@"{left.Latex}\,{right.Latex}");
    }

    public IReadOnlyList<GradientCandidate> CandidatesFor(string gradient)
    {
        if (!_candidates.TryGetValue(gradient, out var candidates))
        {
            candidates = Build(gradient);
            _candidates[gradient] = candidates;
        }

        return candidates;
    }

    private List<GradientCandidate> Build(string gradient)
    {
        var list = new List<GradientCandidate>();
        if (gradient == BiasGradient)
        {
            list.Add(new GradientCandidate("dY summed over each row",
                $@"{_upstream.Latex}\,\mathbf{{1}}", _upstream.Value.Sum(axis: 1),
                GradientMistake.WrongFormula,
                "it sums each example's outputs (axis 1) where the bias gradient sums over the " +
                "batch (axis 0), the column sums"));
            list.Add(new GradientCandidate("the column sums of Y",
                @"\mathbf{1}^\top Y", _output.Value.Sum(axis: 0), GradientMistake.WrongFormula,
                "it uses the output Y where the upstream gradient dY = ∂L/∂Y belongs"));
            return list;
        }

        if (Correct(gradient) is not { } correct)
        {
            return list;
        }

        var shape = gradient == "dX" ? _input.Value.Shape : _weight.Value.Shape;
        var operands = new[] { _input, _weight, _output, _upstream };
        foreach (var left in operands)
        {
            foreach (var right in operands.Where(operand => operand != left))
            {
                foreach (var (leftTransposed, rightTransposed) in
                    new[] { (false, false), (false, true), (true, false), (true, true) })
                {
                    var factors = (
                        new Factor(left, leftTransposed), new Factor(right, rightTransposed));
                    if (factors != correct && Product(factors, correct, shape) is { } candidate)
                    {
                        list.Add(candidate);
                    }
                }
            }
        }

        return list;
    }

    private static AffineStructure? TryOrientation(
        ILayer layer, Tensor input, Tensor output, Tensor upstream, bool weightTransposed)
    {
        var parameters = layer.Parameters;
        if (parameters.Count is < 1 or > 2)
        {
            return null;
        }

        var weightShape = weightTransposed
            ? new Shape(output.Columns, input.Columns)
            : new Shape(input.Columns, output.Columns);
        var weight = parameters.FirstOrDefault(parameter => parameter.Value.Shape == weightShape);
        var bias = parameters.FirstOrDefault(parameter =>
            parameter != weight && parameter.Value.Shape == new Shape(1, output.Columns));
        if (weight is null || (parameters.Count == 2 && bias is null))
        {
            return null;
        }

        var affine = AsMatrix(input).MatMul(
            weightTransposed ? weight.Value.Transpose() : weight.Value);
        if (bias is not null)
        {
            affine = affine.AddRow(bias.Value);
        }

        return Agrees(affine.Span, output.Span)
            ? new AffineStructure(input, weight, bias, weightTransposed, output, upstream)
            : null;
    }

    // The correct product of each gradient: dX = dY·Wᵀ and dW = Xᵀ·dY for Y = X·W + b, or
    // dX = dY·W and dW = dYᵀ·X for Y = X·Wᵀ + b.
    private (Factor Left, Factor Right)? Correct(string gradient)
    {
        if (gradient == "dX")
        {
            return (new Factor(_upstream, false), new Factor(_weight, !_weightTransposed));
        }

        if (gradient == WeightGradient)
        {
            return _weightTransposed
                ? (new Factor(_upstream, true), new Factor(_input, false))
                : (new Factor(_input, true), new Factor(_upstream, false));
        }

        return null;
    }

    private GradientCandidate? Product(
        (Factor Left, Factor Right) factors, (Factor Left, Factor Right) correct, Shape shape)
    {
        var left = factors.Left.Value;
        var right = factors.Right.Value;
        var result = new Shape(left.Rows, right.Columns);
        bool fits = left.Columns == right.Rows &&
            (result == shape || result == new Shape(shape.Columns, shape.Rows));
        if (!fits)
        {
            return null;
        }

        string text = $"{factors.Left.Text}·{factors.Right.Text}";
        string latex = $@"{factors.Left.Latex}\,{factors.Right.Latex}";
        var (mistake, explanation) = Classify(factors, correct);
        return new GradientCandidate(
            text, latex, AsMatrix(left).MatMul(AsMatrix(right)), mistake, explanation);
    }

    // The shapes here are those of the matrix view, in which a vector [N] is the row [1,N] and
    // a scalar is [1,1], so a layer checked on one example [N] is treated as a batch of one.
    // Tensor.MatMul reads a right-hand vector as a column instead, so vectors are reshaped first.
    private static Tensor AsMatrix(Tensor value) =>
        value.Rank == 2 ? value : value.Reshape(value.Rows, value.Columns);

    private (GradientMistake, string) Classify(
        (Factor Left, Factor Right) factors, (Factor Left, Factor Right) correct)
    {
        var used = new[] { factors.Left.Operand, factors.Right.Operand };
        if (used.Contains(_output) && !used.Contains(_upstream))
        {
            return (GradientMistake.WrongFormula,
                "it uses the output Y where the upstream gradient dY = ∂L/∂Y belongs");
        }

        var expected = new[] { correct.Left.Operand, correct.Right.Operand };
        if (used.Except(expected).Any())
        {
            return (GradientMistake.WrongFormula, "it multiplies the wrong tensors");
        }

        string correctText = $"{correct.Left.Text}·{correct.Right.Text}";
        if (factors.Left.Operand == correct.Left.Operand)
        {
            return (GradientMistake.Transposed,
                $"it has the operands of {correctText} in the right order but with the wrong " +
                "transposes");
        }

        bool isTransposeOfCorrect = factors.Left == correct.Right.Flipped() &&
            factors.Right == correct.Left.Flipped();
        return isTransposeOfCorrect
            ? (GradientMistake.SwappedOperands,
                $"the operands are swapped, which gives ({correctText})ᵀ, the transpose of the " +
                "true gradient")
            : (GradientMistake.SwappedOperands,
                $"it has the operands of {correctText} in the wrong order");
    }

    private static bool Agrees(ReadOnlySpan<double> left, ReadOnlySpan<double> right)
    {
        double largest = 0;
        for (int i = 0; i < left.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(right[i]));
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (!(Math.Abs(left[i] - right[i]) <= ForwardTolerance * Math.Max(largest, 1e-300)))
            {
                return false;
            }
        }

        return true;
    }

    private sealed record Operand(string Text, string Latex, Tensor Value);

    // One factor of a product: an operand, transposed or not.
    private readonly record struct Factor(Operand Operand, bool Transposed)
    {
        public Tensor Value => Transposed ? Operand.Value.Transpose() : Operand.Value;

        public string Text => Operand.Text + (Transposed ? "ᵀ" : "");

        public string Latex => Transposed ? $@"{Operand.Latex}^\top" : Operand.Latex;

        public Factor Flipped() => this with { Transposed = !Transposed };
    }
}
