using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Losses;

/// <summary>
/// The squared error L = c · Σ_b Σ_j (Y_bj − T_bj)² of a prediction Y of shape [B,M] against a
/// target T of the same shape, with c = 1/B for <see cref="LossReduction.Mean"/> (the mean over
/// the batch of each example's summed squared error) and c = 1 for
/// <see cref="LossReduction.Sum"/>. Backward: dY = 2c · (Y − T).
/// </summary>
/// <remarks>
/// <para>The mean form divides by the batch size B, not by the element count B·M that
/// PyTorch's <c>nn.MSELoss</c> uses by default; it equals PyTorch's
/// <c>mse_loss(Y, T, reduction='sum') / B</c>, and the two agree when M = 1. Dividing by B
/// keeps one convention for every loss: its 1/B sits inside dY, and the layers below sum
/// over the batch.</para>
/// <para>NaN or infinity in Y or T propagates into L and dY.</para>
/// </remarks>
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
    /// <exception cref="TensorShapeException">Y is not a matrix, or T does not have Y's shape.
    /// </exception>
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
    /// <exception cref="TensorShapeException">Y is not a matrix, or T does not have Y's shape.
    /// </exception>
    public Variable Forward(Variable prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        CheckShapes(prediction.Value, target);
        var squares = prediction.Subtract(new Variable(target)).Square();
        return squares.Sum().Scale(Factor(prediction.Value));
    }

    private double Factor(Tensor batch) =>
        Reduction == LossReduction.Mean ? 1.0 / batch.Rows : 1.0;

    private static void CheckShapes(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (prediction.Rank != 2)
        {
            throw ShapeErrors.Rank("MeanSquaredError.Forward", prediction.Shape, "2",
                "the prediction Y must be a [B,M] matrix with one row per example");
        }

        if (prediction.Shape != target.Shape)
        {
            throw ShapeErrors.SameShape("MeanSquaredError.Forward", "the prediction Y",
                prediction.Shape, "the target T", target.Shape,
                "T must have Y's shape, one row of targets per example");
        }
    }
}
