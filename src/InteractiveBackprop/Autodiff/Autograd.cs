namespace InteractiveBackprop.Autodiff;

/// <summary>
/// Switches graph recording on and off. Inside a <see cref="NoGrad"/> scope operations on
/// <see cref="Variable"/>s compute values only: they record no graph and their results do not
/// require a gradient, which makes evaluation cheaper and keeps it out of the next
/// <see cref="Variable.Backward(bool)"/>.
/// </summary>
/// <remarks>
/// The setting flows with the current asynchronous context, like PyTorch's thread-local
/// <c>torch.no_grad()</c>: a scope opened in one notebook cell or task does not switch off
/// recording in another that runs at the same time.
/// </remarks>
public static class Autograd
{
    private static readonly AsyncLocal<bool> Disabled = new();

    /// <summary>Whether operations record a graph now: <see langword="true"/> outside every
    /// <see cref="NoGrad"/> scope.</summary>
    public static bool IsGradEnabled => !Disabled.Value;

    /// <summary>Opens a scope in which operations record no graph, until the returned scope is
    /// disposed. Scopes nest; disposing one restores the setting from before it opened.</summary>
    public static NoGradScope NoGrad()
    {
        bool previous = Disabled.Value;
        Disabled.Value = true;
        return new NoGradScope(previous);
    }

    internal static void Restore(bool disabled) => Disabled.Value = disabled;
}
