namespace InteractiveBackprop.Checking;

/// <summary>Classifies a maximum relative error into its <see cref="ErrorBand"/>.</summary>
public static class ErrorBands
{
    /// <summary>The upper edge of <see cref="ErrorBand.Good"/>.</summary>
    public const double GoodBelow = 1e-7;

    /// <summary>The upper edge of <see cref="ErrorBand.AcceptableWithKinks"/>.</summary>
    public const double AcceptableWithKinksBelow = 1e-4;

    /// <summary>The upper edge of <see cref="ErrorBand.Suspicious"/>; errors above it are
    /// <see cref="ErrorBand.Wrong"/>.</summary>
    public const double SuspiciousBelow = 1e-2;

    /// <summary>Returns the band of <paramref name="maxRelativeError"/>;
    /// <see cref="ErrorBand.NotComparable"/> for NaN.</summary>
    public static ErrorBand Classify(double maxRelativeError) => maxRelativeError switch
    {
        double.NaN => ErrorBand.NotComparable,
        < GoodBelow => ErrorBand.Good,
        < AcceptableWithKinksBelow => ErrorBand.AcceptableWithKinks,
        <= SuspiciousBelow => ErrorBand.Suspicious,
        _ => ErrorBand.Wrong,
    };

    /// <summary>Describes <paramref name="band"/> in the words of the CS231n notes.</summary>
    public static string Describe(ErrorBand band) => band switch
    {
        ErrorBand.Good => "under 1e-7: good",
        ErrorBand.AcceptableWithKinks => "1e-7 to 1e-4: fine with kinks, too high without",
        ErrorBand.Suspicious => "1e-4 to 1e-2: suspicious unless a kink is near",
        ErrorBand.Wrong => "over 1e-2: wrong",
        _ => "not comparable",
    };
}
