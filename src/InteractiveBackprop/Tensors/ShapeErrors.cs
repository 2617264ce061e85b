using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>Builds the messages of shape errors, so that every operation words them alike.</summary>
internal static class ShapeErrors
{
    /// <summary>The inner dimensions of a product A·B differ. A vector operand is described as
    /// the matrix that <see cref="Tensor.MatMul"/> reads it as: a row on the left, a column on
    /// the right.</summary>
    public static TensorShapeException MatMul(string operation, Shape left, Shape right) =>
        new(operation, left, right, (left.Rank, right.Rank) switch
        {
            (2, 2) => string.Create(CultureInfo.InvariantCulture,
                $"{operation}: cannot multiply {left} by {right}: the inner dimensions differ " +
                $"(the left operand has {Count(left.Columns, "column")}, the right operand " +
                $"has {Count(right.Rows, "row")}). A product A·B needs A's column count to " +
                $"equal B's row count; check the operand order and whether one operand needs " +
                $"a transpose."),
            (2, _) => string.Create(CultureInfo.InvariantCulture,
                $"{operation}: cannot multiply {left} by {right}: the vector {right} is read as " +
                $"a column [{right.Length},1], and its {Count(right.Length, "row")} must " +
                $"equal the {Count(left.Columns, "column")} of {left}. Check the operand " +
                $"order and the vector's length."),
            (_, 2) => string.Create(CultureInfo.InvariantCulture,
                $"{operation}: cannot multiply {left} by {right}: the vector {left} is read as " +
                $"a row [1,{left.Length}], and its {Count(left.Length, "column")} must " +
                $"equal the {Count(right.Rows, "row")} of {right}. Check the operand order " +
                $"and the vector's length."),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"{operation}: cannot multiply {left} by {right}: the vectors are read as a row " +
                $"[1,{left.Length}] and a column [{right.Length},1], so the product is a dot " +
                $"product, and their lengths {left.Length} and {right.Length} must be equal."),
        });

    /// <summary>An operand of <see cref="Tensor.MatMul"/> is a scalar, which numpy's matmul
    /// rejects too.</summary>
    public static TensorShapeException MatMulScalar(string operation, Shape left, Shape right)
    {
        string scalars = (left.Rank, right.Rank) switch
        {
            (0, 0) => "both operands are scalars",
            (0, _) => "the left operand is a scalar",
            _ => "the right operand is a scalar",
        };
        return new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply {left} by {right}: {scalars}, and a matrix product " +
            $"takes vectors and matrices only, as numpy's matmul does. Multiply by a scalar " +
            $"with Scale or Multiply instead."));
    }

    /// <summary>
    /// A transposed or fused product, which takes matrices only, received a vector or a scalar.
    /// <paramref name="transposeLeft"/> and <paramref name="transposeRight"/> mark the operand
    /// that the operation transposes, so that the message describes the product it computes.
    /// <paramref name="vectorFix"/> replaces the advice for a vector operand.
    /// </summary>
    public static TensorShapeException MatricesOnly(string operation, Shape left, Shape right,
        bool transposeLeft = false, bool transposeRight = false, string? vectorFix = null)
    {
        string product = string.Create(CultureInfo.InvariantCulture,
            $"{(transposeLeft ? "the transpose of " : "")}{left} by " +
            $"{(transposeRight ? "the transpose of " : "")}{right}");
        string ranks = (left.Rank, right.Rank) switch
        {
            (2, _) => string.Create(CultureInfo.InvariantCulture,
                $"the right operand has rank {right.Rank}"),
            (_, 2) => string.Create(CultureInfo.InvariantCulture,
                $"the left operand has rank {left.Rank}"),
            _ when left.Rank == right.Rank => string.Create(CultureInfo.InvariantCulture,
                $"both operands have rank {left.Rank}"),
            _ => string.Create(CultureInfo.InvariantCulture,
                $"the operands have ranks {left.Rank} and {right.Rank}"),
        };
        string fix = left.Rank == 0 || right.Rank == 0
            ? "Multiply by a scalar with Scale or Multiply instead."
            : vectorFix ?? "Use MatMul, which reads a vector as numpy does, or Reshape a " +
                "vector [N] into a row [1,N] or a column [N,1] first.";
        return new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply {product}: {ranks}, but {operation} takes two " +
            $"matrices. {fix}"));
    }

    public static TensorShapeException TransposeMatMul(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply the transpose of {left} by {right}: the row counts " +
            $"differ (the left operand has {Count(left.Rows, "row")}, the right operand " +
            $"has {right.Rows}). A product Aᵀ·B needs A and B to have the same row count; " +
            $"check the operand order and whether the left operand is already transposed."));

    public static TensorShapeException MatMulTranspose(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply {left} by the transpose of {right}: the column " +
            $"counts differ (the left operand has {Count(left.Columns, "column")}, the right " +
            $"operand has {right.Columns}). A product A·Bᵀ needs A and B to have the same " +
            $"column count; check the operand order and whether the right operand is already " +
            $"transposed."));

    public static TensorShapeException Elementwise(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: shapes {left} and {right} cannot be broadcast together: " +
            $"{Disagreement(left, right)}. Aligned from the right, each dimension must be " +
            $"equal, or 1 in one operand."));

    public static TensorShapeException RowBroadcast(string operation, Shape matrix, Shape row) =>
        new(operation, matrix, row, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot add a row of shape {row} to every row of {matrix}: " +
            $"a broadcast row must have shape [1,{matrix.Columns}]."));

    /// <summary>The operand has the wrong rank. <paramref name="expected"/> lists the ranks
    /// the operation accepts, and <paramref name="fix"/> is what the caller should do instead.
    /// </summary>
    public static TensorShapeException Rank(
        string operation, Shape shape, string expected, string fix) =>
        new(operation, shape, shape, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: the tensor has shape {shape} of rank {shape.Rank}, but the " +
            $"operation needs rank {expected}; {fix}."));

    public static TensorShapeException NotOneElement(string operation, Shape shape) =>
        new(operation, shape, Shape.Scalar, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: the tensor has shape {shape} and {shape.Length} elements, but only " +
            $"a tensor of one element converts to a number; reduce it first, for example " +
            $"with Sum() or Mean(), or read one element with an index."));

    public static TensorShapeException Reshape(string operation, Shape from, Shape to) =>
        new(operation, from, to, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot reshape {from} ({from.Length} elements) into {to} " +
            $"({to.Length} elements); the element counts must be equal."));

    /// <summary>Two tensors must have the same shape, such as a prediction and its target.
    /// </summary>
    /// <remarks>Set <paramref name="leftPlural"/> or <paramref name="rightPlural"/> when the
    /// name is a plural noun, such as "the class indices", so that its verb agrees.</remarks>
    public static TensorShapeException SameShape(
        string operation, string leftName, Shape left, string rightName, Shape right, string fix,
        bool leftPlural = false, bool rightPlural = false)
        => new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: {leftName} {Has(leftPlural)} shape {left} but {rightName} " +
            $"{Has(rightPlural)} shape {right}; {fix}."));

    public static ArgumentOutOfRangeException Axis(string operation, int axis, Shape shape) =>
        new("axis", axis, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: axis {axis} does not exist in shape {shape} of rank {shape.Rank}; " +
            $"{AxisHint(shape)}"));

    private static string Has(bool plural) => plural ? "have" : "has";

    private static string AxisHint(Shape shape) => shape.Rank switch
    {
        0 => "a scalar has no axis, so reduce it without one.",
        1 => "a vector has only axis 0, which -1 also names.",
        _ => string.Create(CultureInfo.InvariantCulture,
            $"use 0 to {shape.Rank - 1}, or -1 for the last axis."),
    };

    // "1 row", "3 rows".
    private static string Count(int count, string noun) => string.Create(
        CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private static string Disagreement(Shape left, Shape right)
    {
        var parts = new List<string>();
        if (left.Rows != right.Rows && left.Rows != 1 && right.Rows != 1)
        {
            parts.Add($"rows {left.Rows} and {right.Rows} differ");
        }

        if (left.Columns != right.Columns && left.Columns != 1 && right.Columns != 1)
        {
            string name = left.Rank == 2 && right.Rank == 2 ? "columns" : "the last dimensions";
            parts.Add($"{name} {left.Columns} and {right.Columns} differ");
        }

        return string.Join(" and ", parts);
    }
}
