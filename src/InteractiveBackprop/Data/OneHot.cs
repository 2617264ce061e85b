using System.Globalization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Data;

/// <summary>One-hot encoding of class labels.</summary>
public static class OneHot
{
    /// <summary>Encodes <paramref name="labels"/> as a [N,C] matrix whose row n is 1 in column
    /// labels[n] and 0 elsewhere, C being <paramref name="classCount"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="labels"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than
    /// 1, or a label is outside 0 to C − 1.</exception>
    public static Tensor Encode(IReadOnlyList<int> labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count == 0)
        {
            throw new ArgumentException(
                "OneHot.Encode: no labels were given; a tensor needs at least one row.",
                nameof(labels));
        }

        if (classCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount,
                "OneHot.Encode: the class count must be at least 1.");
        }

        var result = Tensor.Zeros(labels.Count, classCount);
        for (int n = 0; n < labels.Count; n++)
        {
            int label = labels[n];
            if ((uint)label >= (uint)classCount)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), label, string.Create(
                    CultureInfo.InvariantCulture,
                    $"OneHot.Encode: label {label} at position {n} is outside 0 to " +
                    $"{classCount - 1}; pass the number of classes as classCount."));
            }

            result.Data[n * classCount + label] = 1.0;
        }

        return result;
    }
}
