namespace InteractiveBackprop.Interactive;

/// <summary>An invalid magic-command option. Its message is shown in the cell as it is.</summary>
public sealed class DirectiveException : Exception
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    public DirectiveException(string message) : base(message)
    {
    }
}
