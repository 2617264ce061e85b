using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>The element-wise operations on two operands that the tensor API vectorises.
/// </summary>
internal static class BinaryOperators
{
    /// <summary>left + right.</summary>
    public readonly struct Add : IBinaryOperator
    {
        public static double Apply(double left, double right) => left + right;

        public static Vector256<double> Apply(Vector256<double> left, Vector256<double> right) =>
            left + right;

        public static Vector512<double> Apply(Vector512<double> left, Vector512<double> right) =>
            left + right;
    }

    /// <summary>left − right.</summary>
    public readonly struct Subtract : IBinaryOperator
    {
        public static double Apply(double left, double right) => left - right;

        public static Vector256<double> Apply(Vector256<double> left, Vector256<double> right) =>
            left - right;

        public static Vector512<double> Apply(Vector512<double> left, Vector512<double> right) =>
            left - right;
    }

    /// <summary>left · right.</summary>
    public readonly struct Multiply : IBinaryOperator
    {
        public static double Apply(double left, double right) => left * right;

        public static Vector256<double> Apply(Vector256<double> left, Vector256<double> right) =>
            left * right;

        public static Vector512<double> Apply(Vector512<double> left, Vector512<double> right) =>
            left * right;
    }

    /// <summary>left / right.</summary>
    public readonly struct Divide : IBinaryOperator
    {
        public static double Apply(double left, double right) => left / right;

        public static Vector256<double> Apply(Vector256<double> left, Vector256<double> right) =>
            left / right;

        public static Vector512<double> Apply(Vector512<double> left, Vector512<double> right) =>
            left / right;
    }

    /// <summary>
    /// The backward pass of ReLU, as PyTorch's threshold backward computes it: +0 where the
    /// forward input (right) is at most 0, and the gradient (left) elsewhere, so a NaN input
    /// passes the gradient through. A non-finite gradient where the input is at most 0 gives 0.
    /// </summary>
    public readonly struct ReluBackward : IBinaryOperator
    {
        public static double Apply(double left, double right) => right <= 0 ? 0.0 : left;

        public static Vector256<double> Apply(Vector256<double> left, Vector256<double> right) =>
            Vector256.ConditionalSelect(
                Vector256.LessThanOrEqual(right, Vector256<double>.Zero), Vector256<double>.Zero,
                left);

        public static Vector512<double> Apply(Vector512<double> left, Vector512<double> right) =>
            Vector512.ConditionalSelect(
                Vector512.LessThanOrEqual(right, Vector512<double>.Zero), Vector512<double>.Zero,
                left);
    }
}
