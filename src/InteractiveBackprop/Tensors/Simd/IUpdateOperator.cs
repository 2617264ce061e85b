using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>
/// An in-place update of a target element from a source element and a fixed factor, such as an
/// SGD step, written once per instruction-set width like <see cref="IBinaryOperator"/>.
/// </summary>
internal interface IUpdateOperator
{
    /// <summary>Returns the new value of one target element.</summary>
    static abstract double Apply(double target, double source, double factor);

    /// <summary>Returns the new values of four target elements.</summary>
    static abstract Vector256<double> Apply(
        Vector256<double> target, Vector256<double> source, Vector256<double> factor);

    /// <summary>Returns the new values of eight target elements.</summary>
    static abstract Vector512<double> Apply(
        Vector512<double> target, Vector512<double> source, Vector512<double> factor);
}
