namespace InteractiveBackprop.Symbolic;

/// <summary>What a <see cref="BroadcastExpression"/> repeats.</summary>
internal enum BroadcastKind
{
    /// <summary>A [1,C] row repeated over R rows: 1_R·b.</summary>
    Rows,

    /// <summary>An [R,1] column repeated over C columns: c·1_Cᵀ.</summary>
    Columns,

    /// <summary>A scalar repeated over every element.</summary>
    Scalar,
}
