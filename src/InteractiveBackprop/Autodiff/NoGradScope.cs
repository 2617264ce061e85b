namespace InteractiveBackprop.Autodiff;

/// <summary>A scope opened by <see cref="Autograd.NoGrad"/>; disposing it restores recording
/// as it was. Disposing it twice has no further effect.</summary>
public sealed class NoGradScope : IDisposable
{
    private readonly bool _previous;
    private bool _disposed;

    internal NoGradScope(bool previous) => _previous = previous;

    /// <summary>Restores the recording setting from before the scope opened.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Autograd.Restore(_previous);
    }
}
