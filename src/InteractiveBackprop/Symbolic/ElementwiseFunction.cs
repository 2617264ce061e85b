namespace InteractiveBackprop.Symbolic;

/// <summary>The element-wise functions of the expression language.</summary>
internal enum ElementwiseFunction
{
    /// <summary>max(z, 0).</summary>
    Relu,

    /// <summary>The hyperbolic tangent.</summary>
    Tanh,

    /// <summary>The logistic sigmoid σ(z) = 1 / (1 + e^(-z)).</summary>
    Sigmoid,

    /// <summary>The exponential.</summary>
    Exp,

    /// <summary>The natural logarithm.</summary>
    Log,
}
