namespace InteractiveBackprop.Checking;

/// <summary>Settings of a gradient check.</summary>
public sealed record GradientCheckOptions
{
    /// <summary>
    /// The default relative tolerance. Central differences in double have a truncation error of
    /// order h² and a rounding error of order ε/h. With h ≈ 1e-5 both stay near 1e-10, so a
    /// correct gradient lands well under 1e-6, while a real mistake lands above 1e-2.
    /// </summary>
    public const double DefaultRelativeTolerance = 1e-6;

    /// <summary>
    /// The default absolute tolerance, a floor for elements whose true gradient is near zero,
    /// where a relative error means nothing.
    /// </summary>
    public const double DefaultAbsoluteTolerance = 1e-8;

    /// <summary>The seed of the random upstream gradient dY, so that a check is repeatable.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// An element passes when |analytic - numeric| ≤ AbsoluteTolerance +
    /// RelativeTolerance·|numeric|.
    /// </summary>
    public double RelativeTolerance { get; init; } = DefaultRelativeTolerance;

    /// <summary>The absolute part of the pass rule; see <see cref="RelativeTolerance"/>.</summary>
    public double AbsoluteTolerance { get; init; } = DefaultAbsoluteTolerance;
}
