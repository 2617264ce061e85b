using System.Globalization;

namespace InteractiveBackprop.Tensors;

/// <summary>Builds the messages of shape errors, so that every operation words them alike.</summary>
internal static class ShapeErrors
{
    public static TensorShapeException MatMul(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply {left} by {right}: the inner dimensions differ " +
            $"(the left operand has {left.Columns} columns, the right operand has " +
            $"{right.Rows} rows). A product A·B needs A's column count to equal B's row " +
            $"count; check the operand order and whether one operand needs a transpose."));

    public static TensorShapeException TransposeMatMul(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply the transpose of {left} by {right}: the row counts " +
            $"differ (the left operand has {left.Rows} rows, the right operand has " +
            $"{right.Rows}). A product Aᵀ·B needs A and B to have the same row count; check " +
            $"the operand order and whether the left operand is already transposed."));

    public static TensorShapeException MatMulTranspose(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot multiply {left} by the transpose of {right}: the column " +
            $"counts differ (the left operand has {left.Columns} columns, the right operand " +
            $"has {right.Columns}). A product A·Bᵀ needs A and B to have the same column " +
            $"count; check the operand order and whether the right operand is already " +
            $"transposed."));

    public static TensorShapeException Elementwise(string operation, Shape left, Shape right) =>
        new(operation, left, right, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: shapes {left} and {right} cannot be broadcast together: " +
            $"{Disagreement(left, right)}. Each dimension must be equal, or 1 in one operand."));

    public static TensorShapeException RowBroadcast(string operation, Shape matrix, Shape row) =>
        new(operation, matrix, row, string.Create(CultureInfo.InvariantCulture,
            $"{operation}: cannot add a row of shape {row} to every row of {matrix}: " +
            $"a broadcast row must have shape [1,{matrix.Columns}]."));

    private static string Disagreement(Shape left, Shape right)
    {
        var parts = new List<string>();
        if (left.Rows != right.Rows && left.Rows != 1 && right.Rows != 1)
        {
            parts.Add($"rows {left.Rows} and {right.Rows} differ");
        }

        if (left.Columns != right.Columns && left.Columns != 1 && right.Columns != 1)
        {
            parts.Add($"columns {left.Columns} and {right.Columns} differ");
        }

        return string.Join(" and ", parts);
    }
}
