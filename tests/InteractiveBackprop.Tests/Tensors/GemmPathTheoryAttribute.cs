using InteractiveBackprop.Tensors.Gemm;

namespace InteractiveBackprop.Tests.Tensors;

/// <summary>
/// A theory that xunit reports as skipped, with the reason, when this machine cannot run the
/// GEMM path it tests.
/// </summary>
internal sealed class GemmPathTheoryAttribute : TheoryAttribute
{
    public GemmPathTheoryAttribute(GemmPath path)
    {
        if (!GemmOptions.IsSupported(path))
        {
            Skip = $"The {path} GEMM path needs hardware acceleration that this machine lacks " +
                "(see GemmOptions.IsSupported).";
        }
    }
}
