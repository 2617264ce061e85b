using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// A line chart of one or more series, for example training and test loss by epoch. Points can be
/// added after the chart is displayed: <c>var shown = chart.Display();</c> then, after each
/// <see cref="LineSeries.Add"/>, <c>shown.Update(chart);</c> redraws the same output.
/// </summary>
public sealed class LineChart
{
    private readonly List<LineSeries> _series = [];

    /// <summary>Creates an empty chart.</summary>
    /// <param name="title">The title above the chart.</param>
    /// <param name="xTitle">The title of the x axis, such as <c>epoch</c>.</param>
    /// <param name="yTitle">The title of the left y axis, such as <c>loss</c>.</param>
    /// <param name="rightYTitle">The title of the right y axis, such as <c>accuracy</c>; when
    /// null, no series can be put on the right axis.</param>
    public LineChart(string title, string xTitle, string yTitle, string? rightYTitle = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(xTitle);
        ArgumentNullException.ThrowIfNull(yTitle);
        Title = title;
        XTitle = xTitle;
        YTitle = yTitle;
        RightYTitle = rightYTitle;
    }

    /// <summary>The title above the chart.</summary>
    public string Title { get; }

    /// <summary>The title of the x axis.</summary>
    public string XTitle { get; }

    /// <summary>The title of the left y axis.</summary>
    public string YTitle { get; }

    /// <summary>The title of the right y axis; null when the chart has none.</summary>
    public string? RightYTitle { get; }

    /// <summary>The series in the order they were added, which is also the legend order.</summary>
    public IReadOnlyList<LineSeries> Series => _series;

    /// <summary>Displays the chart in the running cell. Call <c>Update(chart)</c> on the result
    /// to redraw the same output after a change.</summary>
    /// <exception cref="InvalidOperationException">No notebook cell is running.</exception>
    public DisplayedValue Display() => ChartDisplay.Show(this);

    /// <summary>Adds an empty series and returns it, so that points can be added to it.</summary>
    /// <param name="name">The legend name, unique in this chart.</param>
    /// <param name="onRightAxis">Whether to measure the series on the right y axis.</param>
    /// <exception cref="ArgumentException">The chart already has a series named
    /// <paramref name="name"/>.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="onRightAxis"/> is true but the
    /// chart was created with no right y axis title.</exception>
    public LineSeries AddSeries(string name, bool onRightAxis = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_series.Exists(series => series.Name == name))
        {
            throw new ArgumentException(
                $"LineChart \"{Title}\" already has a series named \"{name}\"; pick another name.",
                nameof(name));
        }

        if (onRightAxis && RightYTitle is null)
        {
            throw new InvalidOperationException(
                $"LineChart \"{Title}\" has no right y axis; pass rightYTitle to the constructor " +
                $"to put \"{name}\" on one.");
        }

        var series = new LineSeries(name, onRightAxis);
        _series.Add(series);
        return series;
    }
}
