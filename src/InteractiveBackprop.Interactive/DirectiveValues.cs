using System.Globalization;
using System.Text.Json;

namespace InteractiveBackprop.Interactive;

/// <summary>Reads magic-command option values with messages that name the option and the fix.</summary>
internal static class DirectiveValues
{
    /// <summary>
    /// Reads <paramref name="value"/> as an integer of at least <paramref name="minimum"/>, or
    /// returns <paramref name="fallback"/> when the option was not given.
    /// </summary>
    /// <exception cref="DirectiveException">The value is not such an integer.</exception>
    public static int ReadInteger(JsonElement? value, string option, int fallback, int minimum)
    {
        if (value is null)
        {
            return fallback;
        }

        var element = value.Value;
        string text = element.ValueKind == JsonValueKind.String
            ? element.GetString() ?? ""
            : element.GetRawText();
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int result))
        {
            throw new DirectiveException(
                $"{option} expects a whole number, but got '{text}'. Example: {option} {fallback}");
        }

        if (result < minimum)
        {
            throw new DirectiveException(string.Create(CultureInfo.InvariantCulture,
                $"{option} must be at least {minimum}, but got {result}."));
        }

        return result;
    }
}
