using System.Globalization;

namespace InteractiveBackprop.Checking;

/// <summary>
/// A constant that a common mistake multiplies a gradient by, with the mistake's name: 1/B for
/// a mean where a sum belongs, B for a missing 1/B, 2 for a term added twice, -1 for a flipped
/// sign.
/// </summary>
internal sealed record KnownFactor(string Name, double Value, string Meaning)
{
    // Factors from one mistake agree with the true constant to rounding; 1e-6 also absorbs the
    // error of the central differences that the factor was fitted to.
    private const double MatchTolerance = 1e-6;

    /// <summary>Returns the known factor that <paramref name="factor"/> equals for batch size
    /// <paramref name="batch"/>, or <see langword="null"/>. When B = 2 the names 1/B and 1/2
    /// coincide and the first in the list below wins.</summary>
    public static KnownFactor? Match(double factor, int batch)
    {
        foreach (var known in All(batch))
        {
            if (Math.Abs(factor - known.Value) <= MatchTolerance * Math.Abs(known.Value))
            {
                return known;
            }
        }

        return null;
    }

    private static IEnumerable<KnownFactor> All(int batch)
    {
        string b = batch.ToString(CultureInfo.InvariantCulture);
        string b2 = (batch * batch).ToString(CultureInfo.InvariantCulture);
        var positive = new List<KnownFactor>
        {
            new("1/B", 1.0 / batch, $"1/B = 1/{b}: a mean over the batch where a sum belongs. " +
                "A mean loss already puts its 1/B inside dY, so the layer must sum over the " +
                "batch, not average"),
            new("1/B²", 1.0 / ((double)batch * batch), $"1/B² = 1/{b2}: 1/B applied twice, " +
                "once in the loss and again here. Keep the 1/B in the loss only"),
            new("B", batch, $"B = {b}: a 1/B is missing. The mean's 1/B belongs in this " +
                "gradient"),
            new("2", 2, "2: the contribution is added twice. Look for a term accumulated twice " +
                "(+= where = belongs, or a gradient not reset between passes)"),
            new("1/2", 0.5, "1/2: a factor 2 is missing, as the 2 of d(x²) = 2x·dx"),
        };
        if (batch == 2)
        {
            positive[0] = positive[0] with
            {
                Meaning = positive[0].Meaning + " (with B = 2 this is also 1/2, a missing " +
                    "factor 2: check with a batch of 3 or more to tell them apart)",
            };
        }

        if (batch == 1)
        {
            positive.RemoveAll(known => known.Name is "1/B" or "1/B²" or "B");
        }

        foreach (var known in positive)
        {
            yield return known;
        }

        yield return new KnownFactor("-1", -1, "-1: the sign is flipped. A subtraction in the " +
            "forward pass gives a minus in the backward pass, and only there");
        foreach (var known in positive)
        {
            // A meaning reads "1/B = 1/5: reason" or "2: reason"; negate the part before the colon.
            int colon = known.Meaning.IndexOf(": ", StringComparison.Ordinal);
            string negated = "-" + known.Meaning[..colon].Replace(" = ", " = -",
                StringComparison.Ordinal);
            yield return new KnownFactor("-" + known.Name, -known.Value,
                $"{negated}{known.Meaning[colon..]}; the sign is flipped as well");
        }
    }
}
