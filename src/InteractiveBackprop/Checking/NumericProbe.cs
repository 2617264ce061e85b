namespace InteractiveBackprop.Checking;

/// <summary>The finite differences of one probe: central, and one-sided from each side.</summary>
internal readonly record struct NumericProbe(double Central, double Left, double Right)
{
    public bool IsFinite => double.IsFinite(Central) && double.IsFinite(Left) &&
        double.IsFinite(Right);
}
