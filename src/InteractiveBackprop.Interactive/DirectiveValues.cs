using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace InteractiveBackprop.Interactive;

/// <summary>Reads magic-command option values with messages that name the option and the fix.</summary>
internal static class DirectiveValues
{
    /// <summary>
    /// Reads <paramref name="value"/> as an integer of at least <paramref name="minimum"/>, or
    /// returns <paramref name="fallback"/> when the option was not given.
    /// </summary>
    /// <exception cref="DirectiveException">The value is not such an integer.</exception>
    public static int ReadInteger(JsonElement? value, string option, int fallback, int minimum) =>
        ReadOptionalInteger(value, option, minimum) ?? fallback;

    /// <summary>Reads <paramref name="value"/> as an integer of at least
    /// <paramref name="minimum"/>, or returns null when the option was not given.</summary>
    /// <exception cref="DirectiveException">The value is not such an integer, or is a whole
    /// number outside the range of <see cref="int"/>.</exception>
    public static int? ReadOptionalInteger(JsonElement? value, string option, int minimum)
    {
        if (value is null)
        {
            return null;
        }

        string text = Text(value.Value);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result))
        {
            if (BigInteger.TryParse(text, NumberStyles.Integer,
                CultureInfo.InvariantCulture, out _))
            {
                throw new DirectiveException(string.Create(CultureInfo.InvariantCulture,
                    $"{option} must be a whole number from {minimum} to {int.MaxValue}, but " +
                    $"got {text}."));
            }

            throw new DirectiveException(string.Create(CultureInfo.InvariantCulture,
                $"{option} expects a whole number, but got '{text}'. Example: {option} " +
                $"{Math.Max(minimum, 5)}"));
        }

        if (result < minimum)
        {
            throw new DirectiveException(string.Create(CultureInfo.InvariantCulture,
                $"{option} must be at least {minimum}, but got {result}."));
        }

        return result;
    }

    /// <summary>Reads <paramref name="value"/> as a finite number of at least 0, or returns
    /// <paramref name="fallback"/> when the option was not given.</summary>
    /// <exception cref="DirectiveException">The value is not such a number.</exception>
    public static double ReadTolerance(JsonElement? value, string option, double fallback)
    {
        if (value is null)
        {
            return fallback;
        }

        string text = Text(value.Value);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture,
            out double result) || !double.IsFinite(result))
        {
            throw new DirectiveException(
                $"{option} expects a number such as 1e-6, but got '{text}'.");
        }

        if (result < 0)
        {
            throw new DirectiveException(
                $"{option} must be at least 0, but got {text}: a tolerance is a distance.");
        }

        return result;
    }

    /// <summary>Reads <paramref name="value"/> as one of <paramref name="choices"/>, ignoring
    /// case, or returns the first choice when the option was not given.</summary>
    /// <exception cref="DirectiveException">The value is not one of the choices.</exception>
    public static string ReadChoice(JsonElement? value, string option, IReadOnlyList<string> choices)
    {
        if (value is null)
        {
            return choices[0];
        }

        string text = Text(value.Value);
        return choices.FirstOrDefault(choice =>
                string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            ?? throw new DirectiveException(
                $"{option} must be one of {string.Join(", ", choices)}, but got '{text}'.");
    }

    /// <summary>Reads a flag: true when it was given bare or as true, false when absent or
    /// false.</summary>
    /// <exception cref="DirectiveException">The value is neither true nor false.</exception>
    public static bool ReadFlag(JsonElement? value, string option)
    {
        if (value is null)
        {
            return false;
        }

        string text = Text(value.Value);
        return text.ToLowerInvariant() switch
        {
            "" or "true" => true,
            "false" => false,
            _ => throw new DirectiveException(
                $"{option} is a flag and takes no value, but got '{text}'."),
        };
    }

    /// <summary>Reads <paramref name="value"/> as a C# identifier, or returns null when the
    /// option was not given.</summary>
    /// <exception cref="DirectiveException">The value is not an identifier.</exception>
    public static string? ReadIdentifier(JsonElement? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        string text = Text(value.Value);
        bool valid = text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') &&
            text.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (!valid)
        {
            throw new DirectiveException(
                $"{option} expects the name of a C# variable, such as myLayer, but got '{text}'.");
        }

        // A reserved word such as class cannot name a variable; contextual ones such as var can.
        if (SyntaxFacts.GetKeywordKind(text) != SyntaxKind.None)
        {
            throw new DirectiveException($"{option} expects the name of a C# variable, but " +
                $"'{text}' is a C# keyword; choose another name, such as {text}Report.");
        }

        return text;
    }

    /// <summary>Reads <paramref name="value"/> as text, or returns null when the option was not
    /// given.</summary>
    public static string? ReadText(JsonElement? value) => value is null ? null : Text(value.Value);

    private static string Text(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString() ?? "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => element.GetRawText(),
    };
}
