using System.Globalization;

namespace InteractiveBackprop.Rendering;

/// <summary>Formats numbers the same way in every renderer, whatever the current culture.</summary>
internal static class NumberText
{
    /// <summary>Formats with up to six significant digits, as numpy's default precision shows.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return "0";
        }

        return value.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e");
    }

    /// <summary>Formats an error for a report in scientific notation, for example 3.2e-11.</summary>
    public static string FormatError(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.0e+0", CultureInfo.InvariantCulture);
}
