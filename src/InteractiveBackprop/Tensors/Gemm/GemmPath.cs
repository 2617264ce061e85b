namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>The instruction set that a GEMM micro-kernel uses.</summary>
internal enum GemmPath
{
    /// <summary>Plain scalar arithmetic, for any processor.</summary>
    Scalar,

    /// <summary>256-bit vectors with fused multiply-add (AVX2 and FMA3 on x64).</summary>
    Vector256,

    /// <summary>512-bit vectors with fused multiply-add (AVX-512F on x64).</summary>
    Vector512,
}
