using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Tensors;

public class TensorMatMulTests
{
    // Products of 2×3 and 3×2 integers are exact in double, so these compare exactly. The
    // expected values of the vector forms are hand-computed and agree with numpy 1.24.2
    // (Debian's python3-numpy), whose expressions the comments on those tests give.
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

    // np.array([1, 2, 3]) @ b gives [58, 64]: 1·7 + 2·9 + 3·11 and 1·8 + 2·10 + 3·12.
    [Fact]
    public void LeftVectorIsReadAsRow()
    {
        var product = Tensor.Vector(1, 2, 3).MatMul(s_b);

        Assert.Equal(Shape.Vector(2), product.Shape);
        Assert.Equal(new double[] { 58, 64 }, product.Span.ToArray());
    }

    // a @ np.array([1, 0, -1]) gives [-2, -2]: 1 − 3 and 4 − 6.
    [Fact]
    public void RightVectorIsReadAsColumn()
    {
        var product = s_a.MatMul(Tensor.Vector(1, 0, -1));

        Assert.Equal(Shape.Vector(2), product.Shape);
        Assert.Equal(new double[] { -2, -2 }, product.Span.ToArray());
    }

    // np.array([1, 2, 3]) @ np.array([4, 5, 6]) gives 32, of shape (): 4 + 10 + 18.
    [Fact]
    public void TwoVectorsGiveDotProductScalar()
    {
        var product = Tensor.Vector(1, 2, 3).MatMul(Tensor.Vector(4, 5, 6));

        Assert.Equal(Shape.Scalar, product.Shape);
        Assert.Equal(32, product.ToDouble());
    }

    // The result shapes of numpy's matmul, including vectors of one element, which must not be
    // mistaken for a [1,1] matrix.
    [Theory]
    [InlineData("2,3", "3,4", "2,4")]
    [InlineData("3", "3,4", "4")]
    [InlineData("2,3", "3", "2")]
    [InlineData("3", "3", "")]
    [InlineData("1", "1,4", "4")]
    [InlineData("4,1", "1", "4")]
    [InlineData("1", "1", "")]
    [InlineData("1,3", "3", "1")]
    [InlineData("3", "3,1", "1")]
    public void ProductShapeFollowsNumpy(string left, string right, string expected)
    {
        var product = Random(left, 1).MatMul(Random(right, 2));

        Assert.Equal(Parse(expected), product.Shape);
    }

    // Lengths that run the vectorised kernels' main loops and their tails, so the vector
    // forms are checked against a plain loop beyond the small hand-computed cases.
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 17)]
    [InlineData(37, 70)]
    [InlineData(130, 270)]
    public void VectorProductsMatchReferenceLoop(int rows, int inner)
    {
        var matrix = Tensor.RandomUniform(rows, inner, seed: 3);
        var vector = Tensor.RandomUniform(Shape.Vector(inner), seed: 4);
        var left = Tensor.RandomUniform(Shape.Vector(rows), seed: 5);

        AssertClose(Reference(matrix, false, vector, false, rows, 1, inner), inner,
            matrix.MatMul(vector));
        AssertClose(Reference(left, false, matrix, false, 1, inner, rows), rows,
            left.MatMul(matrix));
        AssertClose(Reference(vector, false, vector, false, 1, 1, inner), inner,
            vector.MatMul(vector));
    }

    [Fact]
    public void NaNInVectorPropagatesToEveryElement()
    {
        var product = s_a.MatMul(Tensor.Vector(1, double.NaN, 0));

        Assert.True(double.IsNaN(product[0]));
        Assert.True(double.IsNaN(product[1]));
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
    public void MatMulRejectsShortRightVector()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => s_a.MatMul(Tensor.Vector(1, 2, 3, 4)));

        Assert.Equal("MatMul", error.Operation);
        Assert.Equal(new Shape(2, 3), error.Left);
        Assert.Equal(Shape.Vector(4), error.Right);
        Assert.Equal(
            "MatMul: cannot multiply [2,3] by [4]: the vector [4] is read as a column [4,1], " +
            "and its 4 rows must equal the 3 columns of [2,3]. Check the operand order and " +
            "the vector's length.", error.Message);
    }

    [Fact]
    public void MatMulRejectsMismatchedLeftVector()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Vector(1, 2).MatMul(s_b));

        Assert.Equal(
            "MatMul: cannot multiply [2] by [3,2]: the vector [2] is read as a row [1,2], and " +
            "its 2 columns must equal the 3 rows of [3,2]. Check the operand order and the " +
            "vector's length.", error.Message);
    }

    [Fact]
    public void MatMulRejectsVectorsOfDifferentLengths()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Vector(1, 2, 3).MatMul(Tensor.Vector(1, 2, 3, 4)));

        Assert.Equal(
            "MatMul: cannot multiply [3] by [4]: the vectors are read as a row [1,3] and a " +
            "column [4,1], so the product is a dot product, and their lengths 3 and 4 must be " +
            "equal.", error.Message);
    }

    [Fact]
    public void MatMulRejectsScalarOperands()
    {
        var left = Assert.Throws<TensorShapeException>(() => Tensor.Scalar(2).MatMul(s_a));
        var right = Assert.Throws<TensorShapeException>(() => s_a.MatMul(Tensor.Scalar(2)));
        var both = Assert.Throws<TensorShapeException>(
            () => Tensor.Scalar(2).MatMul(Tensor.Scalar(3)));

        Assert.Equal(
            "MatMul: cannot multiply [] by [2,3]: the left operand is a scalar, and a matrix " +
            "product takes vectors and matrices only, as numpy's matmul does. Multiply by a " +
            "scalar with Scale or Multiply instead.", left.Message);
        Assert.StartsWith("MatMul: cannot multiply [2,3] by []: the right operand is a scalar,",
            right.Message);
        Assert.StartsWith("MatMul: cannot multiply [] by []: both operands are scalars,",
            both.Message);
    }

    [Fact]
    public void TransposedProductsRejectVectors()
    {
        var vector = Tensor.Vector(1, 2);

        var transposeLeft = Assert.Throws<TensorShapeException>(
            () => vector.TransposeMatMul(s_a));
        var transposeRight = Assert.Throws<TensorShapeException>(
            () => s_b.MatMulTranspose(vector));

        Assert.Equal("TransposeMatMul", transposeLeft.Operation);
        Assert.Equal(
            "TransposeMatMul: cannot multiply the transpose of [2] by [2,3]: the left operand " +
            "has rank 1, but TransposeMatMul takes two matrices. Use MatMul, which reads a " +
            "vector as numpy does, or Reshape a vector [N] into a row [1,N] or a column [N,1] " +
            "first.", transposeLeft.Message);
        Assert.Equal(
            "MatMulTranspose: cannot multiply [3,2] by the transpose of [2]: the right " +
            "operand has rank 1, but MatMulTranspose takes two matrices. Use MatMul, which " +
            "reads a vector as numpy does, or Reshape a vector [N] into a row [1,N] or a " +
            "column [N,1] first.", transposeRight.Message);
    }

    [Fact]
    public void TransposedProductsRejectScalars()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Scalar(2).TransposeMatMul(Tensor.Vector(1, 2)));

        Assert.Equal(
            "TransposeMatMul: cannot multiply the transpose of [] by [2]: the operands have " +
            "ranks 0 and 1, but TransposeMatMul takes two matrices. Multiply by a scalar " +
            "with Scale or Multiply instead.", error.Message);
    }

    [Fact]
    public void MatMulAddRowRejectsVectorInput()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => Tensor.Vector(1, 2, 3).MatMulAddRow(s_b, Tensor.Row(0.5, -1)));

        Assert.Equal("MatMulAddRow", error.Operation);
        Assert.Equal(
            "MatMulAddRow: cannot multiply [3] by [3,2]: the left operand has rank 1, but " +
            "MatMulAddRow takes two matrices. Reshape a single example [K] into a row [1,K] " +
            "first, or use MatMul and Add, which follow numpy's rules for a vector.",
            error.Message);
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

    private static Shape Parse(string shape) =>
        Shape.Of(shape.Length == 0 ? [] : shape.Split(',').Select(int.Parse).ToArray());

    private static Tensor Random(string shape, int seed) => Tensor.RandomUniform(Parse(shape), seed);

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
