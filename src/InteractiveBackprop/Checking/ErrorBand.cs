namespace InteractiveBackprop.Checking;

/// <summary>
/// The rule-of-thumb bands of the maximum relative error from the CS231n notes on gradient
/// checking (Stanford CS231n, "Neural Networks Part 3"), printed next to the tolerance rule
/// that decides pass or fail.
/// </summary>
public enum ErrorBand
{
    /// <summary>Under 1e-7: the gradient is right.</summary>
    Good,

    /// <summary>From 1e-7 to 1e-4: acceptable for an objective with kinks, too high for a
    /// smooth one.</summary>
    AcceptableWithKinks,

    /// <summary>From 1e-4 to 1e-2: suspicious unless a kink is near.</summary>
    Suspicious,

    /// <summary>Over 1e-2: the gradient is probably wrong.</summary>
    Wrong,

    /// <summary>No error could be computed: a wrong shape, a missing gradient or a non-finite
    /// value.</summary>
    NotComparable,
}
