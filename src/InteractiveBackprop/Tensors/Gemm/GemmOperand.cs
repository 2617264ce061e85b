namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A read-only view of a matrix operand: element (r, c) lies at
/// <c>Pointer[r * RowStride + c * ColumnStride]</c>. A transpose is the same storage with the
/// strides swapped, so no kernel ever copies one out.
/// </summary>
internal readonly unsafe struct GemmOperand(double* pointer, nint rowStride, nint columnStride)
{
    public double* Pointer { get; } = pointer;

    public nint RowStride { get; } = rowStride;

    public nint ColumnStride { get; } = columnStride;

    /// <summary>
    /// The view that starts at element (<paramref name="row"/>, <paramref name="column"/>).
    /// </summary>
    public GemmOperand Offset(nint row, nint column) =>
        new(Pointer + row * RowStride + column * ColumnStride, RowStride, ColumnStride);
}
