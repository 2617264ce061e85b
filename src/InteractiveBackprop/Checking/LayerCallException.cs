namespace InteractiveBackprop.Checking;

/// <summary>
/// The exception a gradient check throws when the code it checks throws: a layer's
/// <c>Forward</c> or <c>Backward</c>, a loss head's, or a checked function. The original
/// exception is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class LayerCallException : InvalidOperationException
{
    /// <summary>Creates the exception for a call of <paramref name="member"/>.</summary>
    /// <param name="member">The call that threw, such as <c>MyLayer.Forward</c>.</param>
    /// <param name="inner">The exception it threw.</param>
    public LayerCallException(string member, Exception inner)
        : base($"{member} threw {inner.GetType().Name}: {inner.Message}", inner)
    {
        Member = member;
    }

    /// <summary>The call that threw, such as <c>MyLayer.Forward</c>.</summary>
    public string Member { get; }
}
