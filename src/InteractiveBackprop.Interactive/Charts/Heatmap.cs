using InteractiveBackprop.Metrics;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// A matrix of values drawn as coloured cells with the value written in each, row 0 at the top,
/// for example a confusion matrix. A darker cell means a larger value.
/// </summary>
public sealed class Heatmap
{
    private readonly double[,] _values;

    /// <summary>Creates a heatmap of a copy of <paramref name="values"/>.</summary>
    /// <param name="title">The title above the chart.</param>
    /// <param name="values">The R × C values, row r drawn as the r-th row from the top. NaN
    /// cells are left blank.</param>
    /// <param name="rowLabels">R labels down the left side.</param>
    /// <param name="columnLabels">C labels along the bottom.</param>
    /// <param name="xTitle">The title under the column labels.</param>
    /// <param name="yTitle">The title beside the row labels.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> has no cells, or a label
    /// count differs from the matching dimension of <paramref name="values"/>.</exception>
    public Heatmap(string title, double[,] values, IReadOnlyList<string> rowLabels,
        IReadOnlyList<string> columnLabels, string xTitle = "", string yTitle = "")
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        ArgumentNullException.ThrowIfNull(xTitle);
        ArgumentNullException.ThrowIfNull(yTitle);
        int rows = values.GetLength(0);
        int columns = values.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException(
                $"Heatmap \"{title}\": values is {rows} × {columns}; it needs at least one cell.",
                nameof(values));
        }

        CheckLabels(title, rowLabels, rows, "rows", nameof(rowLabels));
        CheckLabels(title, columnLabels, columns, "columns", nameof(columnLabels));
        Title = title;
        _values = (double[,])values.Clone();
        RowLabels = [.. rowLabels];
        ColumnLabels = [.. columnLabels];
        XTitle = xTitle;
        YTitle = yTitle;
    }

    /// <summary>The title above the chart.</summary>
    public string Title { get; }

    /// <summary>The number of rows R.</summary>
    public int Rows => _values.GetLength(0);

    /// <summary>The number of columns C.</summary>
    public int Columns => _values.GetLength(1);

    /// <summary>The value in row <paramref name="row"/> and column <paramref name="column"/>.</summary>
    public double this[int row, int column] => _values[row, column];

    /// <summary>The labels of the rows, top to bottom.</summary>
    public IReadOnlyList<string> RowLabels { get; }

    /// <summary>The labels of the columns, left to right.</summary>
    public IReadOnlyList<string> ColumnLabels { get; }

    /// <summary>The title under the column labels.</summary>
    public string XTitle { get; }

    /// <summary>The title beside the row labels.</summary>
    public string YTitle { get; }

    /// <summary>Displays the heatmap in the running cell. Call <c>Update(heatmap)</c> on the result
    /// to redraw the same output after a change.</summary>
    /// <exception cref="InvalidOperationException">No notebook cell is running.</exception>
    public DisplayedValue Display() => ChartDisplay.Show(this);

    /// <summary>Creates the heatmap of a confusion matrix: actual classes down, predicted classes
    /// across, each cell the count of examples.</summary>
    /// <param name="matrix">The confusion matrix.</param>
    /// <param name="classLabels">One label per class; the class numbers 0, 1, … when null.</param>
    /// <param name="title">The title; by default "Confusion matrix" with the accuracy.</param>
    /// <exception cref="ArgumentException"><paramref name="classLabels"/> does not have one
    /// label per class.</exception>
    public static Heatmap FromConfusionMatrix(ConfusionMatrix matrix,
        IReadOnlyList<string>? classLabels = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int classes = matrix.ClassCount;
        var labels = classLabels ?? [.. Enumerable.Range(0, classes).Select(c => c.ToString(
            System.Globalization.CultureInfo.InvariantCulture))];
        var values = new double[classes, classes];
        for (int actual = 0; actual < classes; actual++)
        {
            for (int predicted = 0; predicted < classes; predicted++)
            {
                values[actual, predicted] = matrix[actual, predicted];
            }
        }

        title ??= string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Confusion matrix: {matrix.Correct} of {matrix.Total} correct ({matrix.Accuracy * 100:F1}%)");
        return new Heatmap(title, values, labels, labels, "predicted class", "actual class");
    }

    private static void CheckLabels(
        string title, IReadOnlyList<string> labels, int count, string dimension, string parameter)
    {
        if (labels.Count != count)
        {
            throw new ArgumentException(
                $"Heatmap \"{title}\": values has {count} {dimension} but {parameter} has " +
                $"{labels.Count} labels; pass one label per {dimension[..^1]}.", parameter);
        }
    }
}
