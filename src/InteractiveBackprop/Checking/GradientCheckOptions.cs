using System.Globalization;

namespace InteractiveBackprop.Checking;

/// <summary>Settings of a gradient check.</summary>
public sealed record GradientCheckOptions
{
    /// <summary>
    /// The default relative tolerance. Central differences in double have a truncation error of
    /// order h² and a rounding error of order ε/h. With h ≈ 7.6e-6 both stay near 1e-10 (the
    /// tests measure 1e-12 to 1e-9), so a correct gradient lands well under 1e-6, while each
    /// mistake the diagnosis names, such as a factor 1/B, lands above 1e-2.
    /// </summary>
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>
    /// The default absolute tolerance, a floor for elements whose true gradient is near zero,
    /// where a relative error means nothing.
    /// </summary>
    public const double DefaultAbsoluteTolerance = 1e-8;

    /// <summary>The default number of elements (sampled mode) or directions (directional
    /// mode).</summary>
    public const int DefaultSamples = 16;

    private readonly double _relativeTolerance = DefaultRelativeTolerance;
    private readonly double _absoluteTolerance = DefaultAbsoluteTolerance;
    private readonly int _samples = DefaultSamples;

    /// <summary>
    /// The seed of the random upstream gradient dY, of the sampled elements and of the
    /// directions, so that the same seed always gives the same report.
    /// </summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// An element passes when |analytic - numeric| ≤ AbsoluteTolerance +
    /// RelativeTolerance·|numeric|.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.
    /// </exception>
    public double RelativeTolerance
    {
        get => _relativeTolerance;
        init => _relativeTolerance = CheckTolerance(value, nameof(RelativeTolerance));
    }

    /// <summary>The absolute part of the pass rule; see <see cref="RelativeTolerance"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or not finite.
    /// </exception>
    public double AbsoluteTolerance
    {
        get => _absoluteTolerance;
        init => _absoluteTolerance = CheckTolerance(value, nameof(AbsoluteTolerance));
    }

    /// <summary>Which central differences to evaluate; <see cref="GradientCheckMode.Full"/> by
    /// default.</summary>
    public GradientCheckMode Mode { get; init; } = GradientCheckMode.Full;

    /// <summary>
    /// The number of elements per gradient in <see cref="GradientCheckMode.Sampled"/> mode (all
    /// of them when a gradient has fewer), or of directions per gradient in
    /// <see cref="GradientCheckMode.Directional"/> mode. Ignored in full mode.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int Samples
    {
        get => _samples;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(Samples), value,
                    "GradientCheckOptions: Samples must be at least 1.");
            }

            _samples = value;
        }
    }

    private static double CheckTolerance(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(
                CultureInfo.InvariantCulture,
                $"GradientCheckOptions: {name} must be a finite number of at least 0, but got " +
                $"{value}."));
        }

        return value;
    }
}
