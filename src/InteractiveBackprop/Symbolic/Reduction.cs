namespace InteractiveBackprop.Symbolic;

/// <summary>The reductions of the expression language.</summary>
internal enum Reduction
{
    /// <summary>The sum of all elements, a scalar.</summary>
    Sum,

    /// <summary>The sum over the rows (axis 0): [R,C] gives [1,C], the sum over the batch.</summary>
    SumRows,

    /// <summary>The sum over the columns (axis 1): [R,C] gives [R,1].</summary>
    SumColumns,

    /// <summary>The mean of all elements, a scalar.</summary>
    Mean,

    /// <summary>The mean over the rows (axis 0): [R,C] gives [1,C].</summary>
    MeanRows,

    /// <summary>The mean over the columns (axis 1): [R,C] gives [R,1].</summary>
    MeanColumns,

    /// <summary>The trace of a square matrix.</summary>
    Trace,

    /// <summary>The squared Frobenius norm ‖A‖²_F = A : A.</summary>
    SquaredNorm,
}
