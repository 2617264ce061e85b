using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// A constant scalar factor: a reduced fraction times a product of powers of symbolic dimensions,
/// for example 2, -1 or 1/B. Dimensions are positive sizes, so a factor never divides by zero.
/// </summary>
internal sealed record Coefficient
{
    private Coefficient(BigInteger numerator, BigInteger denominator,
        ImmutableSortedDictionary<string, int> powers)
    {
        Numerator = numerator;
        Denominator = denominator;
        Powers = powers;
    }

    public static Coefficient One { get; } = FromInteger(1);

    public static Coefficient MinusOne { get; } = FromInteger(-1);

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    /// <summary>The exponent of each symbolic dimension; no entry is zero.</summary>
    public ImmutableSortedDictionary<string, int> Powers { get; }

    public bool IsOne => IsNumber && Numerator.IsOne && Denominator.IsOne;

    public bool IsMinusOne => IsNumber && Numerator == BigInteger.MinusOne && Denominator.IsOne;

    public bool IsNumber => Powers.IsEmpty;

    public bool IsNegative => Numerator.Sign < 0;

    public static Coefficient FromInteger(long value) =>
        Create(value, 1, ImmutableSortedDictionary<string, int>.Empty);

    public static Coefficient FromDimension(Dimension dimension) => dimension.Symbol is null
        ? FromInteger(dimension.Size)
        : Create(1, 1, ImmutableSortedDictionary<string, int>.Empty.Add(dimension.Symbol, 1));

    /// <summary>Converts a decimal literal such as 0.25 exactly, as 1/4.</summary>
    public static Coefficient FromDecimal(decimal value)
    {
        int scale = (int)((decimal.GetBits(value)[3] >> 16) & 0xFF);
        var denominator = BigInteger.Pow(10, scale);
        var numerator = new BigInteger(value * (decimal)Math.Pow(10, scale));
        return Create(numerator, denominator, ImmutableSortedDictionary<string, int>.Empty);
    }

    public Coefficient Multiply(Coefficient other)
    {
        var powers = Powers;
        foreach (var (symbol, power) in other.Powers)
        {
            int sum = powers.GetValueOrDefault(symbol) + power;
            powers = sum == 0 ? powers.Remove(symbol) : powers.SetItem(symbol, sum);
        }

        return Create(Numerator * other.Numerator, Denominator * other.Denominator, powers);
    }

    public Coefficient Reciprocal()
    {
        if (Numerator.IsZero)
        {
            throw new InvalidOperationException("The coefficient 0 has no reciprocal.");
        }

        var powers = ImmutableSortedDictionary.CreateRange(
            Powers.Select(pair => KeyValuePair.Create(pair.Key, -pair.Value)));
        return Create(Denominator, Numerator, powers);
    }

    /// <summary>Adds two factors with the same dimension powers; null when the powers differ.</summary>
    public Coefficient? TryAdd(Coefficient other)
    {
        if (!Create(1, 1, Powers).Equals(Create(1, 1, other.Powers)))
        {
            return null;
        }

        return Create(Numerator * other.Denominator + other.Numerator * Denominator,
            Denominator * other.Denominator, Powers);
    }

    public bool IsZero => Numerator.IsZero;

    public Coefficient Negate() => Create(-Numerator, Denominator, Powers);

    /// <summary>Evaluates the factor with each symbolic dimension set to its size.</summary>
    public double Evaluate(IReadOnlyDictionary<string, int> sizes)
    {
        double value = (double)Numerator / (double)Denominator;
        foreach (var (symbol, power) in Powers)
        {
            value *= Math.Pow(sizes[symbol], power);
        }

        return value;
    }

    /// <summary>Formats the numeric part as a C# double literal, for example 0.5 or 2.0.</summary>
    public string FormatNumber()
    {
        double value = (double)Numerator / (double)Denominator;
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    public bool Equals(Coefficient? other) =>
        other is not null && Numerator == other.Numerator && Denominator == other.Denominator &&
        Powers.Count == other.Powers.Count &&
        Powers.All(pair => other.Powers.TryGetValue(pair.Key, out int power) && power == pair.Value);

    public override int GetHashCode() =>
        HashCode.Combine(Numerator, Denominator, string.Join(",", Powers));

    private static Coefficient Create(BigInteger numerator, BigInteger denominator,
        ImmutableSortedDictionary<string, int> powers)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var divisor = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!divisor.IsZero && !divisor.IsOne)
        {
            numerator /= divisor;
            denominator /= divisor;
        }

        return new Coefficient(numerator, denominator, powers);
    }
}
