namespace InteractiveBackprop.Symbolic;

/// <summary>The binary operations of the expression language.</summary>
internal enum BinaryOperator
{
    /// <summary>A + B, of equal shapes.</summary>
    Add,

    /// <summary>A - B, of equal shapes.</summary>
    Subtract,

    /// <summary>The matrix product A·B.</summary>
    MatMul,

    /// <summary>The element-wise product A ⊙ B.</summary>
    Hadamard,

    /// <summary>A scalar (left) times a matrix (right).</summary>
    ScalarMultiply,

    /// <summary>A / s, as parsed; typing turns it into a scalar multiple.</summary>
    Divide,

    /// <summary>The Frobenius product A : B = Σᵢⱼ AᵢⱼBᵢⱼ, a scalar.</summary>
    Frobenius,
}
