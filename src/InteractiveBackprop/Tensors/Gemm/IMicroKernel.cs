namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A register-blocked micro-kernel: it adds the product of an MR×kc packed sliver of A and a
/// kc×NR packed sliver of B to an MR×NR tile of C, keeping the whole tile in registers.
/// </summary>
internal unsafe interface IMicroKernel
{
    /// <summary>The rows of the tile, MR.</summary>
    static abstract int Rows { get; }

    /// <summary>The columns of the tile, NR.</summary>
    static abstract int Columns { get; }

    /// <summary>
    /// Computes C[0..MR, 0..NR] += Σₚ a[p·MR + i] · b[p·NR + j] over p in [0, depth), where
    /// row i of C starts at <c>c + i * ldc</c>; with <paramref name="overwrite"/> it stores the
    /// sum in C without reading C, whose old values may then be anything, NaN included.
    /// </summary>
    static abstract void Multiply(int depth, double* a, double* b, double* c, nint ldc,
        bool overwrite);
}
