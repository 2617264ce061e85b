namespace InteractiveBackprop.Metrics;

/// <summary>
/// Counts of a classifier's predictions by actual class (rows) and predicted class (columns):
/// <c>this[a, p]</c> is the number of examples of class <c>a</c> predicted as class <c>p</c>, so
/// the diagonal contains the correct predictions.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    private ConfusionMatrix(int[,] counts, int total, int correct)
    {
        _counts = counts;
        Total = total;
        Correct = correct;
    }

    /// <summary>The number of classes K; the matrix is K × K.</summary>
    public int ClassCount => _counts.GetLength(0);

    /// <summary>The number of examples counted.</summary>
    public int Total { get; }

    /// <summary>The number of examples whose predicted class is their actual class.</summary>
    public int Correct { get; }

    /// <summary>The fraction of correct predictions, Correct / Total; NaN when Total is 0.</summary>
    public double Accuracy => Total == 0 ? double.NaN : (double)Correct / Total;

    /// <summary>The number of examples of class <paramref name="actual"/> predicted as class
    /// <paramref name="predicted"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A class is outside [0, ClassCount).</exception>
    public int this[int actual, int predicted]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(actual);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(actual, ClassCount);
            ArgumentOutOfRangeException.ThrowIfNegative(predicted);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(predicted, ClassCount);
            return _counts[actual, predicted];
        }
    }

    /// <summary>Counts the pairs (actual[i], predicted[i]) of classes in [0, classCount).</summary>
    /// <param name="actual">The true class of each example.</param>
    /// <param name="predicted">The predicted class of each example, as long as
    /// <paramref name="actual"/>.</param>
    /// <param name="classCount">The number of classes K, at least 1.</param>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is below 1, or a
    /// class is outside [0, classCount).</exception>
    public static ConfusionMatrix Compute(
        IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classCount)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException(
                $"ConfusionMatrix.Compute: actual has {actual.Count} labels but predicted has " +
                $"{predicted.Count}; pass one predicted class per example.", nameof(predicted));
        }

        for (int i = 0; i < actual.Count; i++)
        {
            CheckClass(actual[i], i, classCount, nameof(actual));
            CheckClass(predicted[i], i, classCount, nameof(predicted));
        }

        return Count(actual, predicted, classCount);
    }

    /// <summary>Copies the counts into a new K × K array, rows by actual class.</summary>
    public int[,] ToArray() => (int[,])_counts.Clone();

    private static ConfusionMatrix Count(
        IReadOnlyList<int> actual, IReadOnlyList<int> predicted, int classCount)
    {
        var counts = new int[classCount, classCount];
        int correct = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            counts[actual[i], predicted[i]]++;
            if (actual[i] == predicted[i])
            {
                correct++;
            }
        }

        return new ConfusionMatrix(counts, actual.Count, correct);
    }

    private static void CheckClass(int value, int index, int classCount, string parameter)
    {
        if (value < 0 || value >= classCount)
        {
            throw new ArgumentOutOfRangeException(parameter, value,
                $"ConfusionMatrix.Compute: {parameter}[{index}] is {value}, outside the classes " +
                $"0 to {classCount - 1}.");
        }
    }
}
