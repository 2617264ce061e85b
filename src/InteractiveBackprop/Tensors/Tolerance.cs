using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>
/// A named closeness test in numpy's <c>allclose</c> form: actual a is close to expected b when
/// |a − b| ≤ <see cref="Absolute"/> + <see cref="Relative"/> · |b|. The absolute floor keeps
/// values near zero from needing an impossible relative precision.
/// </summary>
/// <param name="Name">The name shown in messages, which names where the tolerance comes from.
/// </param>
/// <param name="Relative">The relative tolerance, at least 0.</param>
/// <param name="Absolute">The absolute floor, at least 0.</param>
public sealed record Tolerance(string Name, double Relative, double Absolute)
{
    /// <summary>numpy's and PyTorch's defaults for <c>allclose</c>: rtol 1e-5, atol 1e-8.
    /// </summary>
    public static Tolerance NumpyDefault { get; } = new("numpy default", 1e-5, 1e-8);

    /// <summary>
    /// The agreement of two float64 computations of one formula in different orders, such as
    /// this library against PyTorch. The rtol of 1e-12, about 4,500 ulp, covers the rounding of
    /// sums of a few thousand terms, and the atol of 1e-14 covers results that cancel to near 0.
    /// </summary>
    public static Tolerance Float64Reordering { get; } = new("float64 reordering", 1e-12, 1e-14);

    /// <summary>Whether <paramref name="actual"/> is close to <paramref name="expected"/>. NaN
    /// is close to nothing, and an infinity only to the same infinity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance is negative or NaN.</exception>
    public bool IsClose(double actual, double expected)
    {
        if (!(Relative >= 0) || !(Absolute >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(Relative), string.Create(
                CultureInfo.InvariantCulture,
                $"Tolerance '{Name}': rtol {Relative} and atol {Absolute} must not be negative."));
        }

        if (actual == expected)
        {
            return true;
        }

        // Without this, |∞ − (−∞)| ≤ rtol · ∞ would hold.
        if (double.IsInfinity(actual) || double.IsInfinity(expected))
        {
            return false;
        }

        return Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);
    }

    /// <summary>Formats the tolerance as <c>name (rtol …, atol …)</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Name} (rtol {Relative}, atol {Absolute})");
}
