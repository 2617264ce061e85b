namespace InteractiveBackprop.Checking;

/// <summary>How many central differences a gradient check evaluates, and of what.</summary>
public enum GradientCheckMode
{
    /// <summary>One central difference per element: two loss evaluations per element.</summary>
    Full,

    /// <summary>
    /// Central differences of <see cref="GradientCheckOptions.Samples"/> elements drawn at random
    /// from the seed, for parameters too large to check whole.
    /// </summary>
    Sampled,

    /// <summary>
    /// Directional derivatives along <see cref="GradientCheckOptions.Samples"/> random
    /// directions u, compared with ⟨analytic gradient, u⟩. Since the loss is L = Σ dY ⊙ Y for a
    /// random dY = v, each probe compares vᵀ·J·u, as PyTorch's fast gradcheck does, at two loss
    /// evaluations per direction whatever the size.
    /// </summary>
    Directional,
}
