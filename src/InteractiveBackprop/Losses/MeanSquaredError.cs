using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Losses;

/// <summary>
/// The squared error L = c · Σᵢⱼ (Yᵢⱼ − Tᵢⱼ)² of a prediction Y against a target T of the same
/// shape, with c = 1/N for <see cref="LossReduction.Mean"/>, N the number of elements (B·M for a
/// [B,M] batch, so 1/B for one output per example), and c = 1 for
/// <see cref="LossReduction.Sum"/>. This is PyTorch's <c>nn.MSELoss</c>. Backward:
/// dY = 2c · (Y − T).
/// </summary>
/// <remarks>NaN or infinity in Y or T propagates into L and dY.</remarks>
public sealed class MeanSquaredError : ILoss
{
    private Tensor? _difference;

    /// <summary>Creates the loss with <paramref name="reduction"/>.</summary>
    public MeanSquaredError(LossReduction reduction = LossReduction.Mean)
    {
        Reduction = reduction;
    }

    /// <summary>Whether the loss is the mean or the sum of the squared errors.</summary>
    public LossReduction Reduction { get; }

    /// <summary>Computes L for <paramref name="prediction"/> Y against
    /// <paramref name="target"/> T and remembers Y − T for <see cref="Backward"/>.</summary>
    /// <exception cref="TensorShapeException">T does not have Y's shape.</exception>
    public double Forward(Tensor prediction, Tensor target)
    {
        CheckShapes(prediction, target);
        _difference = prediction.Subtract(target);
        return Factor(_difference) * _difference.Square().Sum();
    }

    /// <summary>Computes dY = 2c · (Y − T) for the latest
    /// <see cref="Forward(Tensor, Tensor)"/>.</summary>
    /// <exception cref="InvalidOperationException">No forward pass has run.</exception>
    public Tensor Backward()
    {
        var difference = _difference ?? throw new InvalidOperationException(
            "MeanSquaredError.Backward: no forward pass has run; call Forward(Y, T) first.");
        return difference.Scale(2.0 * Factor(difference));
    }

    /// <summary>Computes L inside an autodiff graph, as a scalar variable.</summary>
    /// <exception cref="TensorShapeException">T does not have Y's shape.</exception>
    public Variable Forward(Variable prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        CheckShapes(prediction.Value, target);
        var squares = prediction.Subtract(new Variable(target)).Square();
        return Reduction == LossReduction.Mean ? squares.Mean() : squares.Sum();
    }

    private double Factor(Tensor difference) =>
        Reduction == LossReduction.Mean ? 1.0 / difference.Length : 1.0;

    private static void CheckShapes(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (prediction.Shape != target.Shape)
        {
            throw ShapeErrors.SameShape("MeanSquaredError.Forward", "the prediction Y",
                prediction.Shape, "the target T", target.Shape,
                "T must have Y's shape, one row of targets per example");
        }
    }
}
