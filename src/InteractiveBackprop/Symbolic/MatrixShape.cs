namespace InteractiveBackprop.Symbolic;

/// <summary>The shape of a matrix expression, with symbolic or fixed dimensions.</summary>
/// <param name="Rows">The row dimension.</param>
/// <param name="Columns">The column dimension.</param>
public readonly record struct MatrixShape(Dimension Rows, Dimension Columns)
{
    /// <summary>The shape [1,1] of a scalar.</summary>
    public static MatrixShape Scalar => new(Dimension.One, Dimension.One);

    /// <summary>Whether the shape is [1,1], which a product treats as a scalar multiple.</summary>
    public bool IsScalar => Rows.IsOne && Columns.IsOne;

    /// <summary>The shape with rows and columns exchanged.</summary>
    public MatrixShape Transposed => new(Columns, Rows);

    /// <summary>Formats the shape as <c>[B,N]</c>.</summary>
    public override string ToString() => $"[{Rows},{Columns}]";
}
