using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>
/// An element-wise operation on two doubles, written once per instruction-set width so that
/// <see cref="SimdLoops"/> runs the same operation on 8, 4 or 1 elements at a time. The three
/// forms must give the same value for the same inputs, NaN and signed zeros included.
/// </summary>
internal interface IBinaryOperator
{
    /// <summary>Applies the operation to one pair.</summary>
    static abstract double Apply(double left, double right);

    /// <summary>Applies the operation to four pairs.</summary>
    static abstract Vector256<double> Apply(Vector256<double> left, Vector256<double> right);

    /// <summary>Applies the operation to eight pairs.</summary>
    static abstract Vector512<double> Apply(Vector512<double> left, Vector512<double> right);
}
