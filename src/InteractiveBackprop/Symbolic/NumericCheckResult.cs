namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Derived gradients compared with central differences on one seeded random instance.
/// </summary>
/// <param name="Seed">The seed of the sizes, the inputs and the upstream gradient.</param>
/// <param name="Sizes">The size chosen for each symbolic dimension.</param>
/// <param name="Comparisons">One comparison per derived gradient of an input.</param>
public sealed record NumericCheckResult(int Seed, IReadOnlyDictionary<string, int> Sizes,
    IReadOnlyList<GradientComparison> Comparisons)
{
    /// <summary>
    /// The relative tolerance. Central differences in double with a step near 2^-17 have a
    /// truncation error of order h² ≈ 1e-10 and a rounding error of order ε/h ≈ 1e-11. So 1e-6
    /// leaves a wide margin, while a wrong formula misses by far more.
    /// </summary>
    public const double RelativeTolerance = 1e-6;

    /// <summary>The absolute floor of the tolerance, for elements whose gradient is near 0; it is
    /// multiplied by max(1, |L|), because the rounding error of a central difference grows with
    /// the size of the loss.</summary>
    public const double AbsoluteTolerance = 1e-8;

    /// <summary>Whether every comparison passed; true for an empty list.</summary>
    public bool Passed => Comparisons.All(comparison => comparison.Passed);
}
