namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// One named line of a <see cref="LineChart"/>: points (x, y) in the order they were added.
/// Create it with <see cref="LineChart.AddSeries"/>.
/// </summary>
public sealed class LineSeries
{
    private readonly List<double> _x = [];
    private readonly List<double> _y = [];

    internal LineSeries(string name, bool onRightAxis)
    {
        Name = name;
        OnRightAxis = onRightAxis;
    }

    /// <summary>The name shown in the legend.</summary>
    public string Name { get; }

    /// <summary>Whether the series is measured on the chart's right y axis.</summary>
    public bool OnRightAxis { get; }

    /// <summary>The x values of the points.</summary>
    public IReadOnlyList<double> X => _x;

    /// <summary>The y values of the points.</summary>
    public IReadOnlyList<double> Y => _y;

    /// <summary>Appends the point (<paramref name="x"/>, <paramref name="y"/>). A NaN or infinite
    /// coordinate is kept and drawn as a gap in the line.</summary>
    public void Add(double x, double y)
    {
        _x.Add(x);
        _y.Add(y);
    }
}
