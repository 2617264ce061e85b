namespace InteractiveBackprop.Checking;

/// <summary>The kind of mistake that a failing gradient was diagnosed with.</summary>
public enum GradientMistake
{
    /// <summary>Backward left the gradient null.</summary>
    NotComputed,

    /// <summary>The gradient contains NaN or an infinity.</summary>
    NonFinite,

    /// <summary>The loss is not finite near the point, so no central difference exists.</summary>
    LossNotFinite,

    /// <summary>The gradient's shape is not that of its value, and no known mistake gives
    /// it.</summary>
    WrongShape,

    /// <summary>The gradient is the transpose of the true one.</summary>
    Transposed,

    /// <summary>The gradient is a product of the right operands in the wrong order, such as
    /// dYᵀ·X for dW = Xᵀ·dY.</summary>
    SwappedOperands,

    /// <summary>The gradient equals another formula of the layer's tensors, such as Xᵀ·Y where
    /// Xᵀ·dY belongs.</summary>
    WrongFormula,

    /// <summary>The gradient is the true one times a constant other than 1.</summary>
    Scaled,

    /// <summary>The gradient of a [1,M] parameter has one row per example, [B,M]: the sum over
    /// the batch is missing.</summary>
    NotReducedOverBatch,

    /// <summary>Every element is zero while the true gradient is not: it was never
    /// computed.</summary>
    AllZero,

    /// <summary>Some elements agree and others do not.</summary>
    PartlyWrong,

    /// <summary>The gradient fails and none of the known mistakes explains it.</summary>
    Unexplained,
}
