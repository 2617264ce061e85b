using System.Globalization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Data;

/// <summary>
/// A labelled data set for classification: features X of shape [N,F], one row per example, and
/// one class label from 0 to C − 1 per example.
/// </summary>
public sealed class Dataset
{
    private readonly int[] _labels;

    /// <summary>Creates a data set; the labels are copied.</summary>
    /// <param name="features">The [N,F] features.</param>
    /// <param name="labels">N labels, each from 0 to C − 1.</param>
    /// <param name="classNames">The C class names, in label order.</param>
    /// <exception cref="TensorShapeException"><paramref name="features"/> is not a matrix, or
    /// its row count differs from the number of labels.</exception>
    /// <exception cref="ArgumentException"><paramref name="classNames"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside 0 to C − 1.</exception>
    public Dataset(Tensor features, IReadOnlyList<int> labels, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classNames);
        if (features.Rank != 2 || features.Rows != labels.Count)
        {
            throw ShapeErrors.SameShape("Dataset", "the features", features.Shape,
                "the labels", Shape.Vector(Math.Max(labels.Count, 1)), string.Create(
                    CultureInfo.InvariantCulture,
                    $"give a [N,F] matrix and N labels, one per row ({labels.Count} were given)"),
                leftPlural: true, rightPlural: true);
        }

        if (classNames.Count == 0)
        {
            throw new ArgumentException(
                "Dataset: no class names were given; name each class.", nameof(classNames));
        }

        _labels = labels.ToArray();
        for (int n = 0; n < _labels.Length; n++)
        {
            if ((uint)_labels[n] >= (uint)classNames.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), _labels[n], string.Create(
                    CultureInfo.InvariantCulture,
                    $"Dataset: label {_labels[n]} of example {n} is outside 0 to " +
                    $"{classNames.Count - 1}, the {classNames.Count} classes named."));
            }
        }

        Features = features;
        ClassNames = classNames.ToArray();
    }

    /// <summary>The [N,F] features.</summary>
    public Tensor Features { get; }

    /// <summary>The N labels.</summary>
    public IReadOnlyList<int> Labels => _labels;

    /// <summary>The C class names, in label order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The number of examples N.</summary>
    public int Count => _labels.Length;

    /// <summary>The number of classes C.</summary>
    public int ClassCount => ClassNames.Count;

    /// <summary>Returns the labels one-hot encoded, a [N,C] matrix.</summary>
    public Tensor OneHotLabels() => OneHot.Encode(_labels, ClassCount);

    /// <summary>Returns a data set with the same labels and new features, for example the
    /// standardised ones.</summary>
    /// <exception cref="TensorShapeException">The features do not have N rows.</exception>
    public Dataset WithFeatures(Tensor features) => new(features, _labels, ClassNames);

    /// <summary>Returns the examples at <paramref name="indices"/>, in that order.</summary>
    /// <exception cref="ArgumentException"><paramref name="indices"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside 0 to N − 1.</exception>
    public Dataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var rows = indices.ToArray();
        var features = Features.GatherRows(rows);
        return new Dataset(features, rows.Select(i => _labels[i]).ToArray(), ClassNames);
    }

    /// <summary>
    /// Splits the examples at random into a training and a test set: the test set receives
    /// ⌈<paramref name="testFraction"/> · N⌉ examples, as scikit-learn's
    /// <c>train_test_split</c> counts them, and the order comes from a generator seeded with
    /// <paramref name="seed"/>, so the same seed gives the same split.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="testFraction"/> is not in
    /// (0, 1), or leaves one of the sets empty.</exception>
    public (Dataset Train, Dataset Test) Split(double testFraction, int seed)
    {
        int testCount = testFraction > 0 && testFraction < 1
            ? (int)Math.Ceiling(testFraction * Count)
            : 0;
        if (testCount < 1 || testCount >= Count)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction,
                string.Create(CultureInfo.InvariantCulture,
                    $"Dataset.Split: a test fraction of {testFraction} of {Count} examples " +
                    $"leaves the training or the test set empty; use a fraction between 0 and " +
                    $"1 that keeps at least one example in each."));
        }

        var order = Permutation(Count, new Random(seed));
        return (Subset(order[testCount..]), Subset(order[..testCount]));
    }

    /// <summary>
    /// Returns the mini-batches of one pass over the data: batches of
    /// <paramref name="batchSize"/> examples and a smaller last one for the rest. With a
    /// <paramref name="random"/> generator the order is shuffled anew on each call, so passing
    /// the same seeded generator to every epoch gives a different but reproducible order each
    /// time; without one, the examples stay in order.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than
    /// 1.</exception>
    public IEnumerable<Batch> Batches(int batchSize, Random? random = null)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                "Dataset.Batches: the batch size must be at least 1.");
        }

        var order = random is null ? Enumerable.Range(0, Count).ToArray()
            : Permutation(Count, random);
        return BatchesCore(order, batchSize);
    }

    private IEnumerable<Batch> BatchesCore(int[] order, int batchSize)
    {
        for (int start = 0; start < order.Length; start += batchSize)
        {
            var rows = order.AsSpan(start, Math.Min(batchSize, order.Length - start)).ToArray();
            var labels = rows.Select(i => _labels[i]).ToArray();
            yield return new Batch(Features.GatherRows(rows), labels);
        }
    }

    /// <summary>Returns 0 to <paramref name="count"/> − 1 in the order of a Fisher–Yates
    /// shuffle.</summary>
    private static int[] Permutation(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order;
    }
}
