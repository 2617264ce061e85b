using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class TensorMatMulTests
{
    // Products of 2×3 and 3×2 integers are exact in double, so these compare exactly.
    private static readonly Tensor s_a =
        Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
    private static readonly Tensor s_b =
        Tensor.FromArray(new double[,] { { 7, 8 }, { 9, 10 }, { 11, 12 } });

    [Fact]
    public void MatMulMultipliesRowsByColumns()
    {
        var product = s_a.MatMul(s_b);

        Assert.Equal(new double[,] { { 58, 64 }, { 139, 154 } }, product.ToArray());
    }

    [Fact]
    public void TransposeMatMulEqualsExplicitTranspose()
    {
        var product = s_b.TransposeMatMul(s_b);

        Assert.Equal(new Shape(2, 2), product.Shape);
        Assert.Equal(s_b.Transpose().MatMul(s_b).ToArray(), product.ToArray());
        Assert.Equal(new double[,] { { 251, 278 }, { 278, 308 } }, product.ToArray());
    }

    [Fact]
    public void MatMulTransposeEqualsExplicitTranspose()
    {
        var product = s_a.MatMulTranspose(s_a);

        Assert.Equal(s_a.MatMul(s_a.Transpose()).ToArray(), product.ToArray());
        Assert.Equal(new double[,] { { 14, 32 }, { 32, 77 } }, product.ToArray());
    }

    [Fact]
    public void MatMulAddRowAddsBiasToEveryRow()
    {
        var bias = Tensor.Row(0.5, -1);

        var result = s_a.MatMulAddRow(s_b, bias);

        Assert.Equal(new double[,] { { 58.5, 63 }, { 139.5, 153 } }, result.ToArray());
        Assert.Equal(s_a.MatMul(s_b).AddRow(bias).ToArray(), result.ToArray());
    }

    [Fact]
    public void LargeProductsMatchReferenceLoop()
    {
        // Above the parallel threshold of 64³, so the default options split the work over
        // threads wherever there is more than one processor.
        var x = Tensor.RandomUniform(130, 270, seed: 7);
        var w = Tensor.RandomUniform(270, 90, seed: 8);
        var dy = Tensor.RandomUniform(130, 90, seed: 9);

        AssertClose(Reference(x, false, w, false, 130, 90, 270), 270, x.MatMul(w));
        AssertClose(Reference(x, true, dy, false, 270, 90, 130), 130, x.TransposeMatMul(dy));
        AssertClose(Reference(dy, false, w, true, 130, 270, 90), 90, dy.MatMulTranspose(w));
    }

    [Fact]
    public void NaNPropagatesToItsRowAndColumn()
    {
        var a = Tensor.FromArray(new double[,] { { 1, double.NaN }, { 2, 3 } });
        var b = Tensor.FromArray(new double[,] { { 1, 0 }, { 0, 1 } });

        var product = a.MatMul(b);

        Assert.True(double.IsNaN(product[0, 0]));
        Assert.True(double.IsNaN(product[0, 1]));
        Assert.Equal(2, product[1, 0]);
        Assert.Equal(3, product[1, 1]);
    }

    [Fact]
    public void MatMulRejectsMismatchedInnerDimensions()
    {
        var error = Assert.Throws<TensorShapeException>(() => s_a.MatMul(s_a));

        Assert.Equal("MatMul", error.Operation);
        Assert.Equal(
            "MatMul: cannot multiply [2,3] by [2,3]: the inner dimensions differ (the left " +
            "operand has 3 columns, the right operand has 2 rows). A product A·B needs A's " +
            "column count to equal B's row count; check the operand order and whether one " +
            "operand needs a transpose.", error.Message);
    }

    [Fact]
    public void TransposeMatMulRejectsMismatchedRows()
    {
        var error = Assert.Throws<TensorShapeException>(() => s_a.TransposeMatMul(s_b));

        Assert.Equal(new Shape(2, 3), error.Left);
        Assert.Equal(new Shape(3, 2), error.Right);
        Assert.Equal(
            "TransposeMatMul: cannot multiply the transpose of [2,3] by [3,2]: the row counts " +
            "differ (the left operand has 2 rows, the right operand has 3). A product Aᵀ·B " +
            "needs A and B to have the same row count; check the operand order and whether " +
            "the left operand is already transposed.", error.Message);
    }

    [Fact]
    public void MatMulTransposeRejectsMismatchedColumns()
    {
        var error = Assert.Throws<TensorShapeException>(() => s_a.MatMulTranspose(s_b));

        Assert.Equal(
            "MatMulTranspose: cannot multiply [2,3] by the transpose of [3,2]: the column " +
            "counts differ (the left operand has 3 columns, the right operand has 2). A " +
            "product A·Bᵀ needs A and B to have the same column count; check the operand " +
            "order and whether the right operand is already transposed.", error.Message);
    }

    [Fact]
    public void MatMulAddRowRejectsWrongBiasShape()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => s_a.MatMulAddRow(s_b, Tensor.Row(1, 2, 3)));

        Assert.Equal("MatMulAddRow", error.Operation);
        Assert.Equal(
            "MatMulAddRow: cannot add a row of shape [1,3] to every row of [2,2]: a broadcast " +
            "row must have shape [1,2].", error.Message);
    }

    [Fact]
    public void MatMulAddRowRejectsMismatchedWeight()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => s_a.MatMulAddRow(s_a, Tensor.Row(1, 2, 3)));

        Assert.StartsWith("MatMulAddRow: cannot multiply [2,3] by [2,3]", error.Message);
    }

    private static double[] Reference(Tensor a, bool transposeA, Tensor b, bool transposeB,
        int m, int n, int k) =>
        ReferenceGemm.Multiply(
            a.Span.ToArray(), transposeA, b.Span.ToArray(), transposeB, m, n, k).Product;

    private static void AssertClose(double[] expected, int k, Tensor actual)
    {
        var values = actual.Span;
        Assert.Equal(expected.Length, values.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            // Entries are sums of k products of values in [-1, 1), so Σ|aᵢₚ·bₚⱼ| ≤ k.
            Assert.True(Math.Abs(values[i] - expected[i]) <= ReferenceGemm.Tolerance(k, k),
                $"element {i} is {values[i]:R}, expected {expected[i]:R}.");
        }
    }
}
