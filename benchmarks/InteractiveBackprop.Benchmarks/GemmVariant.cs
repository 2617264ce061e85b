namespace InteractiveBackprop.Benchmarks;

/// <summary>Which operand of a product is read transposed.</summary>
internal enum GemmVariant
{
    /// <summary>A·B, as in Y = X·W.</summary>
    Plain,

    /// <summary>Aᵀ·B, as in dW = Xᵀ·dY.</summary>
    TransposeLeft,

    /// <summary>A·Bᵀ, as in dX = dY·Wᵀ.</summary>
    TransposeRight,
}
