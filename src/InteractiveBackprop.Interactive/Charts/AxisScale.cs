using System.Globalization;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// A linear axis of a static chart: a data range widened to round tick values (steps of 1, 2 or
/// 5 times a power of ten) and mapped onto a pixel range.
/// </summary>
internal sealed class AxisScale
{
    private const int TargetTicks = 5;

    private AxisScale(double min, double max, double step, double pixelStart, double pixelEnd)
    {
        Min = min;
        Max = max;
        Step = step;
        PixelStart = pixelStart;
        PixelEnd = pixelEnd;
    }

    /// <summary>The value at <see cref="PixelStart"/>, a multiple of <see cref="Step"/>.</summary>
    public double Min { get; }

    /// <summary>The value at <see cref="PixelEnd"/>, a multiple of <see cref="Step"/>.</summary>
    public double Max { get; }

    /// <summary>The distance between ticks.</summary>
    public double Step { get; }

    /// <summary>The pixel of <see cref="Min"/>.</summary>
    public double PixelStart { get; }

    /// <summary>The pixel of <see cref="Max"/>.</summary>
    public double PixelEnd { get; }

    /// <summary>Creates the scale of the finite values in <paramref name="values"/>, or of [0, 1]
    /// when there are none. A single value v gets the range [v − 1, v + 1].</summary>
    public static AxisScale Fit(IEnumerable<double> values, double pixelStart, double pixelEnd)
    {
        double low = double.PositiveInfinity;
        double high = double.NegativeInfinity;
        foreach (double value in values.Where(double.IsFinite))
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        if (low > high)
        {
            (low, high) = (0, 1);
        }
        else if (low == high)
        {
            (low, high) = (low - 1, high + 1);
        }

        double step = NiceStep((high - low) / TargetTicks);
        return new AxisScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step,
            pixelStart, pixelEnd);
    }

    /// <summary>Maps <paramref name="value"/> to its pixel.</summary>
    public double ToPixel(double value) =>
        PixelStart + (value - Min) / (Max - Min) * (PixelEnd - PixelStart);

    /// <summary>Returns the tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks()
    {
        int count = (int)Math.Round((Max - Min) / Step);
        for (int i = 0; i <= count; i++)
        {
            yield return Min + i * Step;
        }
    }

    /// <summary>Formats a tick value with no more digits than the step needs.</summary>
    public string Label(double value)
    {
        // Rounding to the step removes the binary noise of Min + i * Step, such as 0.30000000000000004.
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step)));
        double rounded = Math.Round(value, Math.Min(decimals, 15));
        return rounded.ToString(decimals > 0 ? "F" + decimals : "0", CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        foreach (double nice in new[] { 1.0, 2.0, 5.0 })
        {
            if (fraction <= nice)
            {
                return nice * power;
            }
        }

        return 10 * power;
    }
}
