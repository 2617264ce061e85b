using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>The optimisers' in-place updates. Each rounds the product before the sum, with no
/// fused multiply-add, as the scalar form rounds it, so every path gives the same values.
/// </summary>
internal static class UpdateOperators
{
    /// <summary>target − factor · source, an SGD step.</summary>
    public readonly struct SubtractScaled : IUpdateOperator
    {
        public static double Apply(double target, double source, double factor) =>
            target - factor * source;

        public static Vector256<double> Apply(
            Vector256<double> target, Vector256<double> source, Vector256<double> factor) =>
            target - factor * source;

        public static Vector512<double> Apply(
            Vector512<double> target, Vector512<double> source, Vector512<double> factor) =>
            target - factor * source;
    }

    /// <summary>factor · target + source, the momentum update of a velocity.</summary>
    public readonly struct ScaleAndAdd : IUpdateOperator
    {
        public static double Apply(double target, double source, double factor) =>
            factor * target + source;

        public static Vector256<double> Apply(
            Vector256<double> target, Vector256<double> source, Vector256<double> factor) =>
            factor * target + source;

        public static Vector512<double> Apply(
            Vector512<double> target, Vector512<double> source, Vector512<double> factor) =>
            factor * target + source;
    }
}
