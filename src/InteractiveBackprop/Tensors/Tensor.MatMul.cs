using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Computes the matrix product <c>this · other</c>: [M,K] times [K,N] gives [M,N], with
    /// element (i, j) equal to Σₖ this[i, k] · other[k, j].
    /// </summary>
    /// <remarks>
    /// This product and its transposed forms run on the blocked, vectorised kernels in
    /// <c>Tensors/Gemm</c>. Each sum is accumulated in an order, and with fused multiply-adds
    /// where the processor has them, that depends on the instruction set. Results can therefore
    /// differ from a plain loop in the last bits, by at most about 2k·ε·Σₖ |aᵢₖ·bₖⱼ|. A NaN or an
    /// infinity in an operand propagates to every element whose sum includes it, as IEEE 754
    /// arithmetic gives.
    /// </remarks>
    /// <exception cref="TensorShapeException">The column count of this tensor differs from the
    /// row count of <paramref name="other"/>; the message shows both shapes.</exception>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Columns != other.Rows)
        {
            throw ShapeErrors.MatMul(nameof(MatMul), Shape, other.Shape);
        }

        var result = GC.AllocateUninitializedArray<double>(Rows * other.Columns);
        Dgemm.Multiply(_data, false, other._data, false, result, Rows, other.Columns, Columns,
            overwrite: true);
        return Wrap(new Shape(Rows, other.Columns), result);
    }

    /// <summary>
    /// Computes <c>thisᵀ · other</c> without forming the transpose: [K,M] and [K,N] give [M,N],
    /// with element (i, j) equal to Σₖ this[k, i] · other[k, j]. A weight gradient
    /// dW = Xᵀ·dY is <c>X.TransposeMatMul(dY)</c>. Rounding and NaN behave as in
    /// <see cref="MatMul"/>.
    /// </summary>
    /// <exception cref="TensorShapeException">The row count of this tensor differs from the row
    /// count of <paramref name="other"/>; the message shows both shapes.</exception>
    public Tensor TransposeMatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rows != other.Rows)
        {
            throw ShapeErrors.TransposeMatMul(nameof(TransposeMatMul), Shape, other.Shape);
        }

        var result = GC.AllocateUninitializedArray<double>(Columns * other.Columns);
        Dgemm.Multiply(_data, true, other._data, false, result, Columns, other.Columns, Rows,
            overwrite: true);
        return Wrap(new Shape(Columns, other.Columns), result);
    }

    /// <summary>
    /// Computes <c>this · otherᵀ</c> without forming the transpose: [M,K] and [N,K] give [M,N],
    /// with element (i, j) equal to Σₖ this[i, k] · other[j, k]. An input gradient
    /// dX = dY·Wᵀ is <c>dY.MatMulTranspose(W)</c>. Rounding and NaN behave as in
    /// <see cref="MatMul"/>.
    /// </summary>
    /// <exception cref="TensorShapeException">The column count of this tensor differs from the
    /// column count of <paramref name="other"/>; the message shows both shapes.</exception>
    public Tensor MatMulTranspose(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Columns != other.Columns)
        {
            throw ShapeErrors.MatMulTranspose(nameof(MatMulTranspose), Shape, other.Shape);
        }

        var result = GC.AllocateUninitializedArray<double>(Rows * other.Rows);
        Dgemm.Multiply(_data, false, other._data, true, result, Rows, other.Rows, Columns,
            overwrite: true);
        return Wrap(new Shape(Rows, other.Rows), result);
    }

    /// <summary>
    /// Computes the affine map <c>this · weight + bias</c> in one pass: [M,K] times [K,N], plus
    /// the [1,N] row <paramref name="bias"/> added to every row, gives [M,N]. The result starts
    /// as the broadcast bias and the product is added to it, so no intermediate [M,N] tensor is
    /// made; the value equals <c>MatMul(weight).AddRow(bias)</c> up to rounding.
    /// </summary>
    /// <exception cref="TensorShapeException">The column count of this tensor differs from the
    /// row count of <paramref name="weight"/>; the message shows both shapes.</exception>
    /// <exception cref="TensorShapeException"><paramref name="bias"/> is not of shape [1,N];
    /// the message shows the product's shape and the bias's.</exception>
    public Tensor MatMulAddRow(Tensor weight, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (Columns != weight.Rows)
        {
            throw ShapeErrors.MatMul(nameof(MatMulAddRow), Shape, weight.Shape);
        }

        var shape = new Shape(Rows, weight.Columns);
        if (bias.Rows != 1 || bias.Columns != shape.Columns)
        {
            throw ShapeErrors.RowBroadcast(nameof(MatMulAddRow), shape, bias.Shape);
        }

        var result = GC.AllocateUninitializedArray<double>(shape.Rows * shape.Columns);
        for (int i = 0; i < shape.Rows; i++)
        {
            bias._data.CopyTo(result, i * shape.Columns);
        }

        Dgemm.Multiply(_data, false, weight._data, false, result, Rows, shape.Columns, Columns,
            overwrite: false);
        return Wrap(shape, result);
    }
}
