namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>A prerequisite of the Jupyter tests is missing; the message says which and how to fix it.</summary>
public sealed class HostUnavailableException : Exception
{
    /// <summary>Creates the exception with the reason the tests report.</summary>
    public HostUnavailableException(string message) : base(message)
    {
    }
}
