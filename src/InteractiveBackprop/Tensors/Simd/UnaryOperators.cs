using System.Runtime.Intrinsics;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>The element-wise operations on one operand that the tensor API vectorises. The
/// scalar is ignored by those that take none.</summary>
internal static class UnaryOperators
{
    /// <summary>value + scalar.</summary>
    public readonly struct AddScalar : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => value + scalar;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            value + scalar;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            value + scalar;
    }

    /// <summary>value · scalar.</summary>
    public readonly struct Scale : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => value * scalar;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            value * scalar;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            value * scalar;
    }

    /// <summary>value / scalar.</summary>
    public readonly struct DivideByScalar : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => value / scalar;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            value / scalar;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            value / scalar;
    }

    /// <summary>scalar − value.</summary>
    public readonly struct SubtractFromScalar : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => scalar - value;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            scalar - value;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            scalar - value;
    }

    /// <summary>scalar / value.</summary>
    public readonly struct DivideScalar : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => scalar / value;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            scalar / value;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            scalar / value;
    }

    /// <summary>−value, which flips the sign of zeros too.</summary>
    public readonly struct Negate : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => -value;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            -value;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            -value;
    }

    /// <summary>value².</summary>
    public readonly struct Square : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => value * value;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            value * value;

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            value * value;
    }

    /// <summary>The square root, correctly rounded as Math.Sqrt is; negative values give NaN.
    /// </summary>
    public readonly struct Sqrt : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => Math.Sqrt(value);

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            Vector256.Sqrt(value);

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            Vector512.Sqrt(value);
    }

    /// <summary>ReLU: 0 for values below 0, the value otherwise, so NaN and −0 stay as they
    /// are.</summary>
    public readonly struct Relu : IUnaryOperator
    {
        public static double Apply(double value, double scalar) => value < 0 ? 0.0 : value;

        public static Vector256<double> Apply(Vector256<double> value, Vector256<double> scalar) =>
            Vector256.ConditionalSelect(
                Vector256.LessThan(value, Vector256<double>.Zero), Vector256<double>.Zero, value);

        public static Vector512<double> Apply(Vector512<double> value, Vector512<double> scalar) =>
            Vector512.ConditionalSelect(
                Vector512.LessThan(value, Vector512<double>.Zero), Vector512<double>.Zero, value);
    }
}
