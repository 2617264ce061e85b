using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tensors.Simd;

/// <summary>
/// The vectorised loops behind the tensor API's element-wise operations and column sums. Each
/// loop takes the instruction-set path in force on the calling thread
/// (<see cref="GemmOptions.Current"/>, the same choice as the GEMM kernels, which tests force
/// in turn), runs 8 or 4 elements at a time and finishes the tail one element at a time with
/// the operator's scalar form, so every path gives the same values.
/// </summary>
internal static class SimdLoops
{
    /// <summary>Writes <c>TOperator(left[i], right[i])</c> to <c>result[i]</c>. The three spans
    /// have the same length, and <paramref name="result"/> may be either operand.</summary>
    public static void Binary<TOperator>(
        ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> result)
        where TOperator : struct, IBinaryOperator
    {
        CheckLengths(result.Length, left.Length, right.Length);
        int length = result.Length;
        ref double a = ref MemoryMarshal.GetReference(left);
        ref double b = ref MemoryMarshal.GetReference(right);
        ref double r = ref MemoryMarshal.GetReference(result);
        int i = 0;
        switch (GemmOptions.Current.Path)
        {
            case GemmPath.Vector512:
                for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    TOperator.Apply(Load512(ref a, i), Load512(ref b, i))
                        .StoreUnsafe(ref r, (nuint)i);
                }

                break;
            case GemmPath.Vector256:
                for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    TOperator.Apply(Load256(ref a, i), Load256(ref b, i))
                        .StoreUnsafe(ref r, (nuint)i);
                }

                break;
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref r, i) = TOperator.Apply(Unsafe.Add(ref a, i), Unsafe.Add(ref b, i));
        }
    }

    /// <summary>Writes <c>TOperator(values[i], argument)</c> to <c>result[i]</c>. The spans
    /// have the same length and may be the same span.</summary>
    public static void Unary<TOperator>(
        ReadOnlySpan<double> values, double argument, Span<double> result)
        where TOperator : struct, IUnaryOperator
    {
        CheckLengths(result.Length, values.Length, values.Length);
        int length = result.Length;
        ref double a = ref MemoryMarshal.GetReference(values);
        ref double r = ref MemoryMarshal.GetReference(result);
        int i = 0;
        switch (GemmOptions.Current.Path)
        {
            case GemmPath.Vector512:
                var argument512 = Vector512.Create(argument);
                for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    TOperator.Apply(Load512(ref a, i), argument512).StoreUnsafe(ref r, (nuint)i);
                }

                break;
            case GemmPath.Vector256:
                var argument256 = Vector256.Create(argument);
                for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    TOperator.Apply(Load256(ref a, i), argument256).StoreUnsafe(ref r, (nuint)i);
                }

                break;
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref r, i) = TOperator.Apply(Unsafe.Add(ref a, i), argument);
        }
    }

    /// <summary>
    /// Writes <c>TOperator(target[i], source[i], factor)</c> to <c>target[i]</c>, an
    /// optimiser's in-place update. The spans have the same length.
    /// </summary>
    public static void Update<TOperator>(Span<double> target, ReadOnlySpan<double> source,
        double factor)
        where TOperator : struct, IUpdateOperator
    {
        CheckLengths(target.Length, source.Length, source.Length);
        int length = target.Length;
        ref double t = ref MemoryMarshal.GetReference(target);
        ref double s = ref MemoryMarshal.GetReference(source);
        int i = 0;
        switch (GemmOptions.Current.Path)
        {
            case GemmPath.Vector512:
                var factor512 = Vector512.Create(factor);
                for (; i <= length - Vector512<double>.Count; i += Vector512<double>.Count)
                {
                    TOperator.Apply(Load512(ref t, i), Load512(ref s, i), factor512)
                        .StoreUnsafe(ref t, (nuint)i);
                }

                break;
            case GemmPath.Vector256:
                var factor256 = Vector256.Create(factor);
                for (; i <= length - Vector256<double>.Count; i += Vector256<double>.Count)
                {
                    TOperator.Apply(Load256(ref t, i), Load256(ref s, i), factor256)
                        .StoreUnsafe(ref t, (nuint)i);
                }

                break;
        }

        for (; i < length; i++)
        {
            Unsafe.Add(ref t, i) = TOperator.Apply(Unsafe.Add(ref t, i), Unsafe.Add(ref s, i),
                factor);
        }
    }

    /// <summary>
    /// Sums the <paramref name="rows"/> rows of the row-major matrix <paramref name="matrix"/>
    /// into <paramref name="totals"/>, one total per column. Each column is added in row order,
    /// from 0 as a plain loop down the column adds it, so the totals are the same bit for bit.
    /// </summary>
    public static void ColumnSums(ReadOnlySpan<double> matrix, int rows, Span<double> totals)
    {
        int columns = totals.Length;
        totals.Clear();
        for (int i = 0; i < rows; i++)
        {
            Binary<BinaryOperators.Add>(totals, matrix.Slice(i * columns, columns), totals);
        }
    }

    /// <summary>Throws unless the spans that a loop reads have the length of the one it
    /// writes, because the loops read through unchecked references.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static void CheckLengths(int written, int first, int second)
    {
        if (first != written || second != written)
        {
            throw new ArgumentException(
                $"Element-wise loop: spans of {first} and {second} elements cannot fill one of " +
                $"{written}; every span must have the same length.");
        }
    }

    private static Vector512<double> Load512(ref double source, int offset) =>
        Vector512.LoadUnsafe(ref source, (nuint)offset);

    private static Vector256<double> Load256(ref double source, int offset) =>
        Vector256.LoadUnsafe(ref source, (nuint)offset);
}
