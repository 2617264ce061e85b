namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// The packing buffers of one thread. They live on the pinned object heap, so their addresses
/// never change, and they only grow, so a thread that repeats a call allocates nothing.
/// </summary>
internal sealed unsafe class GemmBuffers
{
    // 64 bytes is one cache line and the width of a 512-bit load.
    private const int AlignmentBytes = 64;

    [ThreadStatic]
    private static GemmBuffers? s_current;

    private double[] _packedA = [];
    private double[] _packedB = [];

    /// <summary>The buffers of the calling thread.</summary>
    public static GemmBuffers Current => s_current ??= new GemmBuffers();

    /// <summary>A 64-byte-aligned buffer of at least <paramref name="length"/> doubles.</summary>
    public double* PackedA(int length) => Aligned(ref _packedA, length);

    /// <summary>A 64-byte-aligned buffer of at least <paramref name="length"/> doubles.</summary>
    public double* PackedB(int length) => Aligned(ref _packedB, length);

    private static double* Aligned(ref double[] buffer, int length)
    {
        int slack = AlignmentBytes / sizeof(double);
        if (buffer.Length < length + slack)
        {
            buffer = GC.AllocateUninitializedArray<double>(length + slack, pinned: true);
        }

        // The array is pinned, so taking its address outside a fixed block is safe.
        nint address = (nint)System.Runtime.CompilerServices.Unsafe.AsPointer(
            ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(buffer));
        nint aligned = (address + AlignmentBytes - 1) & ~(nint)(AlignmentBytes - 1);
        return (double*)aligned;
    }
}
