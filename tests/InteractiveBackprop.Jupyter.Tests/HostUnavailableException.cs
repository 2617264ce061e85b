namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>
/// A missing prerequisite of the Jupyter tests; the message names it and how to install it.
/// </summary>
public sealed class HostUnavailableException : Exception
{
    /// <summary>Creates the exception with the reason the tests report.</summary>
    public HostUnavailableException(string message) : base(message)
    {
    }
}
