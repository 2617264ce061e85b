using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// An expression or shape declaration that cannot be parsed, typed or differentiated. The message
/// names the construct and the reason; <see cref="FormatWithCaret"/> adds the source line with the
/// position marked underneath.
/// </summary>
public sealed class SymbolicException : Exception
{
    /// <summary>Creates the exception for the text at <paramref name="span"/> of
    /// <paramref name="source"/>.</summary>
    public SymbolicException(string message, string source, SourceSpan span)
        : base(message)
    {
        Source = source;
        Span = span;
    }

    /// <summary>The text that contains the error: an expression, a claim or shape declarations.</summary>
    public new string Source { get; }

    /// <summary>The characters of <see cref="Source"/> that the message is about.</summary>
    public SourceSpan Span { get; }

    /// <summary>
    /// Formats the message, the source line that contains the error and a line of carets under
    /// <see cref="Span"/>, for example <c>W1 + * b</c> with <c>^</c> under the <c>*</c>.
    /// </summary>
    public string FormatWithCaret()
    {
        int start = Math.Clamp(Span.Start, 0, Source.Length);
        int lineStart = Source.LastIndexOf('\n', Math.Max(start - 1, 0)) + 1;
        if (start == 0)
        {
            lineStart = 0;
        }

        int lineEnd = Source.IndexOf('\n', start);
        if (lineEnd < 0)
        {
            lineEnd = Source.Length;
        }

        string line = Source[lineStart..lineEnd].TrimEnd('\r');
        int column = start - lineStart;
        int width = Math.Max(1, Math.Min(Span.Length, line.Length - column));
        var text = new StringBuilder(Message).AppendLine();
        text.Append("  ").AppendLine(line);
        text.Append("  ").Append(' ', column).Append('^', width);
        return text.ToString();
    }
}
