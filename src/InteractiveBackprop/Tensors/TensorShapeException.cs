namespace InteractiveBackprop.Tensors;

/// <summary>
/// The exception thrown when the shapes of an operation's operands do not fit. Its message names
/// the operation, both shapes, and the dimensions that disagree.
/// </summary>
public sealed class TensorShapeException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation that failed, for example <c>MatMul</c>.</param>
    /// <param name="left">The shape of the first operand.</param>
    /// <param name="right">The shape of the second operand.</param>
    /// <param name="message">The whole message, naming both shapes and the fix.</param>
    public TensorShapeException(string operation, Shape left, Shape right, string message)
        : base(message)
    {
        Operation = operation;
        Left = left;
        Right = right;
    }

    /// <summary>The operation that failed.</summary>
    public string Operation { get; }

    /// <summary>The shape of the first operand.</summary>
    public Shape Left { get; }

    /// <summary>The shape of the second operand.</summary>
    public Shape Right { get; }
}
