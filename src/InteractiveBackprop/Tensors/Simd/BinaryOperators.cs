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
    /// The backward pass of ReLU: the gradient (left) where the forward input (right) is
    /// greater than 0, and +0 elsewhere, NaN inputs included. Like PyTorch's threshold
    /// backward, a non-finite gradient where the input is not positive gives 0, not NaN.
    /// </summary>
    public readonly struct ReluBackward : IBinaryOperator
    {
        public static double Apply(double left, double right) => right > 0 ? left : 0.0;

        public static Vector256<double> Apply(Vector256<double> left, Vector256<double> right) =>
            Vector256.ConditionalSelect(
                Vector256.GreaterThan(right, Vector256<double>.Zero), left,
                Vector256<double>.Zero);

        public static Vector512<double> Apply(Vector512<double> left, Vector512<double> right) =>
            Vector512.ConditionalSelect(
                Vector512.GreaterThan(right, Vector512<double>.Zero), left,
                Vector512<double>.Zero);
    }
}
