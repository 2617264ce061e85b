namespace InteractiveBackprop.Tensors.Gemm;

/// <summary>
/// A scope from <see cref="GemmOptions.Force"/>; disposing it restores the options that were in
/// force on the thread before.
/// </summary>
internal readonly struct GemmOptionsScope : IDisposable
{
    private readonly GemmOptions? _previous;

    internal GemmOptionsScope(GemmOptions? previous) => _previous = previous;

    public void Dispose() => GemmOptions.Restore(_previous);
}
