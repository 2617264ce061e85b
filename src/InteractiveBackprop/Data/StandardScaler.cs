using System.Globalization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Data;

/// <summary>
/// Standardisation of features, as scikit-learn's <c>StandardScaler</c> does it: each column x
/// becomes (x − μ) / σ, with μ and σ the column's mean and population standard deviation in the
/// data the scaler was fitted on. A constant column (σ = 0) is only centred, so it stays finite.
/// </summary>
/// <remarks>Fit on the training split only, and transform both splits with that scaler, so that
/// no information from the test set reaches the training.</remarks>
public sealed class StandardScaler
{
    private StandardScaler(Tensor mean, Tensor scale)
    {
        Mean = mean;
        Scale = scale;
    }

    /// <summary>The [1,F] column means μ.</summary>
    public Tensor Mean { get; }

    /// <summary>The [1,F] divisors: σ of each column, or 1 where σ is 0.</summary>
    public Tensor Scale { get; }

    /// <summary>Computes μ and σ of each column of <paramref name="features"/>.</summary>
    /// <exception cref="TensorShapeException"><paramref name="features"/> is not a matrix.
    /// </exception>
    public static StandardScaler Fit(Tensor features)
    {
        CheckMatrix(nameof(Fit), features);
        var mean = features.Mean(axis: 0);
        var deviation = features.Subtract(mean).Square().Mean(axis: 0).Sqrt();
        var scale = deviation.Map(static s => s == 0 ? 1.0 : s);
        return new StandardScaler(mean, scale);
    }

    /// <summary>Returns (X − μ) / σ for <paramref name="features"/> X, column by column.</summary>
    /// <exception cref="TensorShapeException">X is not a matrix with the fitted column count.
    /// </exception>
    public Tensor Transform(Tensor features)
    {
        CheckMatrix(nameof(Transform), features);
        if (features.Columns != Mean.Columns)
        {
            throw new TensorShapeException("StandardScaler.Transform", features.Shape,
                Mean.Shape, string.Create(CultureInfo.InvariantCulture,
                    $"StandardScaler.Transform: the features have shape {features.Shape} but the " +
                    $"scaler was fitted on {Mean.Columns} columns; transform data with the same " +
                    $"columns as the fitted data."));
        }

        return features.Subtract(Mean).Divide(Scale);
    }

    private static void CheckMatrix(string operation, Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Rank != 2)
        {
            throw ShapeErrors.Rank($"StandardScaler.{operation}", features.Shape, "2",
                "pass the features as a [N,F] matrix, one row per example");
        }
    }
}
