using System.Globalization;
using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Losses;

/// <summary>
/// The cross-entropy of softmax probabilities computed from scores (logits) Z of shape [B,C]
/// against targets T: L = −c · Σ_b Σ_k T_bk · log softmax(Z_b)_k, with c = 1/B for
/// <see cref="LossReduction.Mean"/> and c = 1 for <see cref="LossReduction.Sum"/>. This is
/// PyTorch's <c>nn.CrossEntropyLoss</c>. Backward: dZ = c · (softmax(Z) · Σ_k T_bk − T), which
/// is c · (softmax(Z) − T) when each row of T sums to 1.
/// </summary>
/// <remarks>
/// <para>The target is either a [B,C] tensor of one-hot rows or probabilities, or the class
/// indices: a [B] vector or [B,1] column of whole numbers in 0 to C − 1 (when C = 1 a [B,1]
/// target counts as one-hot). <see cref="Forward(Tensor, int[])"/> takes the indices as integers.
/// </para>
/// <para>Log-softmax subtracts each row's maximum, so large scores do not overflow. NaN in Z
/// gives NaN in L and dZ.</para>
/// </remarks>
public sealed class SoftmaxCrossEntropy : ILoss
{
    private Tensor? _probabilities;
    private Tensor? _target;

    /// <summary>Creates the loss with <paramref name="reduction"/>.</summary>
    public SoftmaxCrossEntropy(LossReduction reduction = LossReduction.Mean)
    {
        Reduction = reduction;
    }

    /// <summary>Whether the loss is the mean over the batch or the sum.</summary>
    public LossReduction Reduction { get; }

    /// <summary>Computes L for scores <paramref name="prediction"/> Z against
    /// <paramref name="target"/> (one-hot rows or class indices).</summary>
    /// <exception cref="TensorShapeException">Z is not a matrix, or the target has neither Z's
    /// shape nor one class index per row.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class index is not a whole number in 0 to
    /// C − 1.</exception>
    public double Forward(Tensor prediction, Tensor target)
    {
        var targets = ToTargets(prediction, target);
        var logProbabilities = prediction.LogSoftmax(axis: 1);
        _probabilities = logProbabilities.Exp();
        _target = targets;
        return -Factor(prediction) * logProbabilities.Multiply(targets).Sum();
    }

    /// <summary>Computes L for scores <paramref name="prediction"/> Z against the class index of
    /// each row.</summary>
    /// <exception cref="TensorShapeException">Z is not a matrix, or the number of classes differs
    /// from its row count.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A class is outside 0 to C − 1.</exception>
    public double Forward(Tensor prediction, int[] classes)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(classes);
        CheckScores(prediction);
        return Forward(prediction, OneHotOf(prediction, classes, "the class array"));
    }

    /// <summary>Computes dZ for the latest <see cref="Forward(Tensor, Tensor)"/>.</summary>
    /// <exception cref="InvalidOperationException">No forward pass has run.</exception>
    public Tensor Backward()
    {
        if (_probabilities is null || _target is null)
        {
            throw new InvalidOperationException(
                "SoftmaxCrossEntropy.Backward: no forward pass has run; call Forward(Z, T) " +
                "first.");
        }

        var rowTotals = _target.Sum(axis: 1);
        return _probabilities.Multiply(rowTotals).Subtract(_target).Scale(Factor(_target));
    }

    /// <summary>Computes L inside an autodiff graph, as a scalar variable.</summary>
    /// <exception cref="TensorShapeException">As for <see cref="Forward(Tensor, Tensor)"/>.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">As for
    /// <see cref="Forward(Tensor, Tensor)"/>.</exception>
    public Variable Forward(Variable prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var targets = ToTargets(prediction.Value, target);
        var terms = prediction.LogSoftmax(axis: 1).Multiply(new Variable(targets));
        return terms.Sum().Scale(-Factor(prediction.Value));
    }

    /// <summary>Computes L inside an autodiff graph against the class index of each row.
    /// </summary>
    public Variable Forward(Variable prediction, int[] classes)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(classes);
        CheckScores(prediction.Value);
        return Forward(prediction, OneHotOf(prediction.Value, classes, "the class array"));
    }

    private double Factor(Tensor batch) =>
        Reduction == LossReduction.Mean ? 1.0 / batch.Rows : 1.0;

    private static Tensor ToTargets(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        CheckScores(prediction);
        if (target.Shape == prediction.Shape)
        {
            return target;
        }

        bool indices = (target.Rank == 1 && target.Columns == prediction.Rows)
            || (target.Rank == 2 && target.Columns == 1 && target.Rows == prediction.Rows);
        if (!indices)
        {
            throw ShapeErrors.SameShape("SoftmaxCrossEntropy.Forward", "the scores Z",
                prediction.Shape, "the target", target.Shape, string.Create(
                    CultureInfo.InvariantCulture,
                    $"the target must be one-hot rows of shape {prediction.Shape}, or class " +
                    $"indices of shape [{prediction.Rows}] or [{prediction.Rows},1]"),
                leftPlural: true);
        }

        var classes = new int[target.Length];
        for (int b = 0; b < classes.Length; b++)
        {
            double value = target.Span[b];
            if (value != Math.Floor(value) || value < 0 || value >= prediction.Columns)
            {
                throw ClassOutOfRange(b, value, prediction.Columns, "the target tensor");
            }

            classes[b] = (int)value;
        }

        return OneHotOf(prediction, classes, "the target tensor");
    }

    private static Tensor OneHotOf(Tensor prediction, int[] classes, string source)
    {
        if (classes.Length != prediction.Rows)
        {
            throw ShapeErrors.SameShape("SoftmaxCrossEntropy.Forward", "the scores Z",
                prediction.Shape, "the class indices", Shape.Vector(Math.Max(classes.Length, 1)),
                string.Create(CultureInfo.InvariantCulture,
                    $"give one class per row, {prediction.Rows} in all, not {classes.Length}"),
                leftPlural: true, rightPlural: true);
        }

        var oneHot = Tensor.Zeros(prediction.Shape);
        for (int b = 0; b < classes.Length; b++)
        {
            if ((uint)classes[b] >= (uint)prediction.Columns)
            {
                throw ClassOutOfRange(b, classes[b], prediction.Columns, source);
            }

            oneHot.Data[b * prediction.Columns + classes[b]] = 1.0;
        }

        return oneHot;
    }

    private static void CheckScores(Tensor prediction)
    {
        if (prediction.Rank != 2)
        {
            throw ShapeErrors.Rank("SoftmaxCrossEntropy.Forward", prediction.Shape, "2",
                "the scores Z must be a [B,C] matrix with one row per example");
        }
    }

    private static ArgumentOutOfRangeException ClassOutOfRange(
        int row, double value, int classCount, string source) =>
        new("target", value, string.Create(CultureInfo.InvariantCulture,
            $"SoftmaxCrossEntropy.Forward: {source} gives class {value} for row {row}, but the " +
            $"scores have {classCount} classes; a class index must be a whole number from 0 " +
            $"to {classCount - 1}."));
}
