using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>
/// Adam's update of one parameter, vectorised on the instruction-set path in force like
/// <see cref="SimdLoops"/>. Every path evaluates the same operations in the same order, with no
/// fused multiply-add, so all give the same bits:
/// m = m·β₁ + g·(1 − β₁), v = v·β₂ + (1 − β₂)·g·g and
/// value −= stepSize · (m / (√v / correction2Root + ε)).
/// </summary>
internal static class AdamLoop
{
    /// <summary>The factors of one step, the same for every element.</summary>
    /// <param name="Beta1">β₁, the decay of the first moment.</param>
    /// <param name="Beta2">β₂, the decay of the second moment.</param>
    /// <param name="StepSize">The learning rate divided by 1 − β₁ᵗ.</param>
    /// <param name="Correction2Root">√(1 − β₂ᵗ).</param>
    /// <param name="Epsilon">ε, added to the denominator.</param>
    public readonly record struct Factors(
        double Beta1, double Beta2, double StepSize, double Correction2Root, double Epsilon);

    /// <summary>Updates <paramref name="value"/>, <paramref name="first"/> (m) and
    /// <paramref name="second"/> (v) in place from <paramref name="grad"/>. All four spans have
    /// the same length.</summary>
    public static void Step(Span<double> value, ReadOnlySpan<double> grad, Span<double> first,
        Span<double> second, in Factors factors)
    {
        SimdLoops.CheckLengths(value.Length, grad.Length, first.Length);
        SimdLoops.CheckLengths(value.Length, second.Length, second.Length);
        int length = value.Length;
        ref double p = ref MemoryMarshal.GetReference(value);
        ref double g = ref MemoryMarshal.GetReference(grad);
        ref double m = ref MemoryMarshal.GetReference(first);
        ref double v = ref MemoryMarshal.GetReference(second);
        int i = 0;
        switch (GemmOptions.Current.Path)
        {
            case GemmPath.Vector512:
                i = Step512(ref p, ref g, ref m, ref v, length, factors);
                break;
            case GemmPath.Vector256:
                i = Step256(ref p, ref g, ref m, ref v, length, factors);
                break;
        }

        double keep1 = 1.0 - factors.Beta1;
        double keep2 = 1.0 - factors.Beta2;
        for (; i < length; i++)
        {
            double gradient = Unsafe.Add(ref g, i);
            double moment1 = Unsafe.Add(ref m, i) * factors.Beta1 + gradient * keep1;
            double moment2 = Unsafe.Add(ref v, i) * factors.Beta2 + keep2 * gradient * gradient;
            Unsafe.Add(ref m, i) = moment1;
            Unsafe.Add(ref v, i) = moment2;
            double denominator = Math.Sqrt(moment2) / factors.Correction2Root + factors.Epsilon;
            Unsafe.Add(ref p, i) -= factors.StepSize * (moment1 / denominator);
        }
    }

    // Returns the index of the first element left for the scalar tail.
    private static int Step512(ref double p, ref double g, ref double m, ref double v,
        int length, in Factors factors)
    {
        var beta1 = Vector512.Create(factors.Beta1);
        var beta2 = Vector512.Create(factors.Beta2);
        var keep1 = Vector512.Create(1.0 - factors.Beta1);
        var keep2 = Vector512.Create(1.0 - factors.Beta2);
        var stepSize = Vector512.Create(factors.StepSize);
        var correction = Vector512.Create(factors.Correction2Root);
        var epsilon = Vector512.Create(factors.Epsilon);
        int i = 0;
        for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            var gradient = Vector512.LoadUnsafe(ref g, (nuint)i);
            var moment1 = Vector512.LoadUnsafe(ref m, (nuint)i) * beta1 + gradient * keep1;
            var moment2 = Vector512.LoadUnsafe(ref v, (nuint)i) * beta2
                + keep2 * gradient * gradient;
            moment1.StoreUnsafe(ref m, (nuint)i);
            moment2.StoreUnsafe(ref v, (nuint)i);
            var denominator = Vector512.Sqrt(moment2) / correction + epsilon;
            var updated = Vector512.LoadUnsafe(ref p, (nuint)i)
                - stepSize * (moment1 / denominator);
            updated.StoreUnsafe(ref p, (nuint)i);
        }

        return i;
    }

    private static int Step256(ref double p, ref double g, ref double m, ref double v,
        int length, in Factors factors)
    {
        var beta1 = Vector256.Create(factors.Beta1);
        var beta2 = Vector256.Create(factors.Beta2);
        var keep1 = Vector256.Create(1.0 - factors.Beta1);
        var keep2 = Vector256.Create(1.0 - factors.Beta2);
        var stepSize = Vector256.Create(factors.StepSize);
        var correction = Vector256.Create(factors.Correction2Root);
        var epsilon = Vector256.Create(factors.Epsilon);
        int i = 0;
        for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            var gradient = Vector256.LoadUnsafe(ref g, (nuint)i);
            var moment1 = Vector256.LoadUnsafe(ref m, (nuint)i) * beta1 + gradient * keep1;
            var moment2 = Vector256.LoadUnsafe(ref v, (nuint)i) * beta2
                + keep2 * gradient * gradient;
            moment1.StoreUnsafe(ref m, (nuint)i);
            moment2.StoreUnsafe(ref v, (nuint)i);
            var denominator = Vector256.Sqrt(moment2) / correction + epsilon;
            var updated = Vector256.LoadUnsafe(ref p, (nuint)i)
                - stepSize * (moment1 / denominator);
            updated.StoreUnsafe(ref p, (nuint)i);
        }

        return i;
    }
}
