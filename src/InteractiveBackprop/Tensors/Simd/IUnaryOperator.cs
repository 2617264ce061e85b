using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>
/// An element-wise operation on one double with one fixed scalar (such as a scale
/// factor), written once per instruction-set width like <see cref="IBinaryOperator"/>.
/// </summary>
internal interface IUnaryOperator
{
    /// <summary>Applies the operation to one element.</summary>
    static abstract double Apply(double value, double scalar);

    /// <summary>Applies the operation to four elements.</summary>
    static abstract Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar);

    /// <summary>Applies the operation to eight elements.</summary>
    static abstract Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar);
}
