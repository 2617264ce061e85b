namespace InteractiveBackprop.Notebooks;

/// <summary>
/// A failure the runner reports to the user as one message, without a stack trace: a missing or
/// malformed notebook, an engine that cannot start, a bad command-line option.
/// </summary>
public sealed class RunnerException : Exception
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    public RunnerException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with the message shown to the user.and its cause.</summary>
    public RunnerException(string message, Exception inner) : base(message, inner)
    {
    }
}
