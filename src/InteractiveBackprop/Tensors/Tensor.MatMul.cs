using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tensors;

public sealed partial class Tensor
{
    /// <summary>
    /// Computes the matrix product <c>this · other</c> with numpy's rules for <c>@</c>: [M,K]
    /// times [K,N] gives [M,N], with element (i, j) equal to Σₖ this[i, k] · other[k, j]. A
    /// vector on the left is read as a row [1,K] and one on the right as a column [K,1], and the
    /// result drops that axis. So [K] times [K,N] gives [N], [M,K] times [K] gives [M], and [K]
    /// times [K] gives the dot product as a scalar [].
    /// </summary>
    /// <remarks>
    /// This product and its transposed forms run on the blocked, vectorised kernels in
    /// <c>Tensors/Gemm</c>. Each sum is accumulated in an order, and with fused multiply-adds
    /// where the processor has them, that depends on the instruction set. Results can therefore
    /// differ from a plain loop in the last bits, by at most about 2k·ε·Σₖ |aᵢₖ·bₖⱼ|. A NaN or an
    /// infinity in an operand propagates to every element whose sum includes it, as IEEE 754
    /// arithmetic gives.
    /// </remarks>
    /// <exception cref="TensorShapeException">An operand is a scalar, which numpy's matmul
    /// rejects too; multiply by a scalar with <see cref="Scale"/> or
    /// <see cref="Multiply(Tensor)"/>.</exception>
    /// <exception cref="TensorShapeException">The inner dimensions differ: the column count of
    /// this tensor (read as a row if it is a vector) is not the row count of
    /// <paramref name="other"/> (read as a column if it is a vector). The message shows both
    /// shapes and how a vector was read.</exception>
    public Tensor MatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank == 0 || other.Rank == 0)
        {
            throw ShapeErrors.MatMulScalar(nameof(MatMul), Shape, other.Shape);
        }

        // The row-major storage of a vector [K] is already that of the row [1,K] or the
        // column [K,1], so only the dimensions passed to the kernel change.
        int rows = Rows;
        int inner = Columns;
        int otherRows = other.Rank == 2 ? other.Rows : other.Length;
        int columns = other.Rank == 2 ? other.Columns : 1;
        if (inner != otherRows)
        {
            throw ShapeErrors.MatMul(nameof(MatMul), Shape, other.Shape);
        }

        // The shape comes first: it rejects a result too large for one array.
        var shape = ProductShape(Shape, other.Shape);
        var result = GC.AllocateUninitializedArray<double>(shape.Length);
        Dgemm.Multiply(_data, false, other._data, false, result, rows, columns, inner,
            overwrite: true);
        return Wrap(shape, result);
    }

    /// <summary>
    /// Computes <c>thisᵀ · other</c> without forming the transpose: [K,M] and [K,N] give [M,N],
    /// with element (i, j) equal to Σₖ this[k, i] · other[k, j]. A weight gradient
    /// dW = Xᵀ·dY is <c>X.TransposeMatMul(dY)</c>. Rounding and NaN behave as in
    /// <see cref="MatMul"/>.
    /// </summary>
    /// <exception cref="TensorShapeException">An operand is not a matrix. The transpose of a
    /// vector is ambiguous here, because numpy's <c>.T</c> leaves a vector unchanged, so use
    /// <see cref="MatMul"/> or reshape the vector into a row or a column first.</exception>
    /// <exception cref="TensorShapeException">The row count of this tensor differs from the row
    /// count of <paramref name="other"/>; the message shows both shapes.</exception>
    public Tensor TransposeMatMul(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 2 || other.Rank != 2)
        {
            throw ShapeErrors.MatricesOnly(nameof(TransposeMatMul), Shape, other.Shape,
                transposeLeft: true);
        }

        if (Rows != other.Rows)
        {
            throw ShapeErrors.TransposeMatMul(nameof(TransposeMatMul), Shape, other.Shape);
        }

        var shape = new Shape(Columns, other.Columns);
        var result = GC.AllocateUninitializedArray<double>(shape.Length);
        Dgemm.Multiply(_data, true, other._data, false, result, Columns, other.Columns, Rows,
            overwrite: true);
        return Wrap(shape, result);
    }

    /// <summary>
    /// Computes <c>this · otherᵀ</c> without forming the transpose: [M,K] and [N,K] give [M,N],
    /// with element (i, j) equal to Σₖ this[i, k] · other[j, k]. An input gradient
    /// dX = dY·Wᵀ is <c>dY.MatMulTranspose(W)</c>. Rounding and NaN behave as in
    /// <see cref="MatMul"/>.
    /// </summary>
    /// <exception cref="TensorShapeException">An operand is not a matrix. The transpose of a
    /// vector is ambiguous here, because numpy's <c>.T</c> leaves a vector unchanged, so use
    /// <see cref="MatMul"/> or reshape the vector into a row or a column first.</exception>
    /// <exception cref="TensorShapeException">The column count of this tensor differs from the
    /// column count of <paramref name="other"/>; the message shows both shapes.</exception>
    public Tensor MatMulTranspose(Tensor other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Rank != 2 || other.Rank != 2)
        {
            throw ShapeErrors.MatricesOnly(nameof(MatMulTranspose), Shape, other.Shape,
                transposeRight: true);
        }

        if (Columns != other.Columns)
        {
            throw ShapeErrors.MatMulTranspose(nameof(MatMulTranspose), Shape, other.Shape);
        }

        var shape = new Shape(Rows, other.Rows);
        var result = GC.AllocateUninitializedArray<double>(shape.Length);
        Dgemm.Multiply(_data, false, other._data, true, result, Rows, other.Rows, Columns,
            overwrite: true);
        return Wrap(shape, result);
    }

    /// <summary>
    /// Computes the affine map <c>this · weight + bias</c> in one pass: [M,K] times [K,N], plus
    /// the [1,N] row <paramref name="bias"/> added to every row, gives [M,N]. The result starts
    /// as the broadcast bias and the product is added to it, so no intermediate [M,N] tensor is
    /// made; the value equals <c>MatMul(weight).AddRow(bias)</c> up to rounding.
    /// </summary>
    /// <exception cref="TensorShapeException">This tensor or <paramref name="weight"/> is not a
    /// matrix. Reshape a single example [K] into a row [1,K] first.</exception>
    /// <exception cref="TensorShapeException">The column count of this tensor differs from the
    /// row count of <paramref name="weight"/>; the message shows both shapes.</exception>
    /// <exception cref="TensorShapeException"><paramref name="bias"/> is not of shape [1,N];
    /// the message shows the product's shape and the bias's.</exception>
    public Tensor MatMulAddRow(Tensor weight, Tensor bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(bias);
        if (Rank != 2 || weight.Rank != 2)
        {
            throw ShapeErrors.MatricesOnly(nameof(MatMulAddRow), Shape, weight.Shape,
                vectorFix: "Reshape a single example [K] into a row [1,K] first, or use MatMul " +
                    "and Add, which follow numpy's rules for a vector.");
        }

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

    // The shape of a product whose operands have passed MatMul's checks: numpy drops the axis
    // that a vector operand gained as a row or a column.
    private static Shape ProductShape(Shape left, Shape right) => (left.Rank, right.Rank) switch
    {
        (2, 2) => new Shape(left.Rows, right.Columns),
        (1, 2) => Shape.Vector(right.Columns),
        (2, 1) => Shape.Vector(left.Rows),
        _ => Shape.Scalar,
    };
}
