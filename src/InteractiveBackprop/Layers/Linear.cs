using System.Globalization;
using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>
/// The affine layer Y = X·W + b, with X of shape [B,N], W of shape [N,M] and a bias b of shape
/// [1,M] broadcast over the batch.
/// </summary>
/// <remarks>
/// The backward pass is the one derived with the Frobenius product: from
/// dL = G : dY and dY = dX·W + X·dW + 1·db it reads off dX = G·Wᵀ, dW = Xᵀ·G and db = 1ᵀ·G, the
/// sum of G's rows, where G = dY = ∂L/∂Y. The same layer also runs inside an autodiff graph
/// through <see cref="Forward(Variable)"/>, whose backward pass applies the same formulas.
/// </remarks>
public sealed class Linear : ILayer, IGraphLayer
{
    private Tensor? _input;

    /// <summary>Creates a layer from a weight of shape [N,M] and a bias of shape [1,M].</summary>
    /// <exception cref="TensorShapeException">The weight is not a matrix, or the bias is not
    /// [1,M].</exception>
    public Linear(Tensor weight, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (weight.Rank != 2)
        {
            throw ShapeErrors.Rank("Linear", weight.Shape, "2",
                "the weight W must be an [N,M] matrix for N inputs and M outputs");
        }

        if (bias.Rank != 2 || bias.Rows != 1 || bias.Columns != weight.Columns)
        {
            throw new TensorShapeException("Linear", weight.Shape, bias.Shape,
                string.Create(CultureInfo.InvariantCulture,
                    $"Linear: the bias has shape {bias.Shape} but a weight of shape " +
                    $"{weight.Shape} needs a bias of shape [1,{weight.Columns}]."));
        }

        Weight = new Parameter("W", weight);
        Bias = new Parameter("b", bias);
        Parameters = [Weight, Bias];
    }

    /// <summary>
    /// Creates a layer with <paramref name="inputs"/> inputs and <paramref name="outputs"/>
    /// outputs. W is drawn uniformly from ±1/√N, as PyTorch's <c>nn.Linear</c> does, and so is b,
    /// both from a generator seeded with <paramref name="seed"/>.
    /// </summary>
    public static Linear Create(int inputs, int outputs, int seed)
    {
        double bound = 1.0 / Math.Sqrt(inputs);
        return new Linear(
            Tensor.RandomUniform(inputs, outputs, seed, -bound, bound),
            Tensor.RandomUniform(1, outputs, unchecked(seed * 31 + 7), -bound, bound));
    }

    /// <summary>The weight W, of shape [N,M].</summary>
    public Parameter Weight { get; }

    /// <summary>The bias b, of shape [1,M].</summary>
    public Parameter Bias { get; }

    /// <inheritdoc />
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>
    /// Creates a layer whose weight is drawn by <paramref name="initialisation"/> from a
    /// generator seeded with <paramref name="seed"/>, and whose bias starts at zero.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is less than 1.</exception>
    public static Linear Create(int inputs, int outputs, int seed, Initialisation initialisation)
    {
        var weight = initialisation switch
        {
            Initialisation.Xavier => Tensor.Xavier(inputs, outputs, seed),
            Initialisation.He => Tensor.He(inputs, outputs, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(initialisation), initialisation,
                "Linear.Create: the initialisation must be Xavier or He."),
        };
        return new Linear(weight, Tensor.Zeros(1, outputs));
    }

    /// <summary>Computes Y = X·W + b for X of shape [B,N]; Y has shape [B,M].</summary>
    /// <exception cref="TensorShapeException">X is not a matrix with N columns.</exception>
    public Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input.Shape);
        _input = input;
        return input.MatMulAddRow(Weight.Value, Bias.Value);
    }

    /// <summary>Computes Y = X·W + b inside the graph; the backward pass gives dX = G·Wᵀ,
    /// dW = Xᵀ·G and db = 1ᵀG, added to the parameters' gradients.</summary>
    /// <exception cref="TensorShapeException">X is not a matrix with N columns.</exception>
    public Variable Forward(Variable input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckInput(input.Shape);
        return input.MatMul(Weight.AsVariable()).Add(Bias.AsVariable());
    }

    private void CheckInput(Shape input)
    {
        var weight = Weight.Value.Shape;
        if (input.Rank != 2 || input.Columns != weight.Rows)
        {
            throw new TensorShapeException("Linear.Forward", input, weight,
                string.Create(CultureInfo.InvariantCulture,
                    $"Linear.Forward: the input X has shape {input} but a weight of shape " +
                    $"{weight} needs X of shape [B,{weight.Rows}], one row per example."));
        }
    }

    /// <summary>
    /// Computes dX = dY·Wᵀ, and stores dW = Xᵀ·dY and db = the column sums of dY (the sum over
    /// the batch, not the mean: a mean loss has already put its 1/B inside dY).
    /// </summary>
    /// <exception cref="InvalidOperationException">No forward pass has run.</exception>
    /// <exception cref="TensorShapeException">dY is not of Y's shape [B,M].</exception>
    public Tensor Backward(Tensor outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var input = _input ?? throw new InvalidOperationException(
            "Linear.Backward: no forward pass has run; call Forward(X) first so that the " +
            "layer has the X that dW = Xᵀ·dY needs.");
        var expected = new Shape(input.Rows, Weight.Value.Columns);
        if (outputGradient.Shape != expected)
        {
            throw new TensorShapeException("Linear.Backward", expected, outputGradient.Shape,
                string.Create(CultureInfo.InvariantCulture,
                    $"Linear.Backward: dY has shape {outputGradient.Shape} but the output Y of " +
                    $"the latest forward pass has shape {expected}; dY must have Y's shape."));
        }

        Weight.Grad = input.TransposeMatMul(outputGradient);
        Bias.Grad = outputGradient.Sum(axis: 0);
        return outputGradient.MatMulTranspose(Weight.Value);
    }
}
