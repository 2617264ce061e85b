using System.Globalization;
using System.IO.Compression;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Data;

/// <summary>
/// Loaders for the two data sets bundled in the repository's <c>notebooks/data</c> folder, both
/// from the UCI Machine Learning Repository (see that folder's README for the attribution).
/// </summary>
public static class Datasets
{
    private const int DigitPixels = 64;

    /// <summary>
    /// Loads the optical handwritten digits: a gzip-compressed CSV without a header, each line 64
    /// pixel counts of an 8×8 image (0 to 16, row-major) and the digit 0 to 9. The features are
    /// the raw counts, [N,64]; the class names are "0" to "9".
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not gzip-compressed, a line does not
    /// have 65 numbers, or a label is not a digit; the message gives the line number.</exception>
    public static Dataset LoadDigits(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var names = Enumerable.Range(0, 10).Select(d => d.ToString(CultureInfo.InvariantCulture));
        try
        {
            return ReadRows(reader, path, 0, DigitPixels, names.ToArray());
        }
        catch (InvalidDataException exception) when (exception.Source == "System.IO.Compression")
        {
            throw new InvalidDataException(
                $"Datasets.LoadDigits: {path} is not a gzip-compressed file ({exception.Message}); " +
                "pass the path of digits.csv.gz.", exception);
        }
    }

    /// <summary>
    /// Loads Fisher's iris data: a CSV whose header is <c>rows,features,name0,name1,…</c>, then
    /// one line per flower of four measurements in centimetres (sepal length, sepal width, petal
    /// length, petal width) and a class index. The features are [150,4]; the class names come
    /// from the header.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The header or a line is malformed, or the row
    /// count differs from the header's; the message gives the line number.</exception>
    public static Dataset LoadIris(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',');
        if (header.Length < 3
            || !int.TryParse(header[0], CultureInfo.InvariantCulture, out int rows)
            || !int.TryParse(header[1], CultureInfo.InvariantCulture, out int features))
        {
            throw new InvalidDataException(
                $"Datasets.LoadIris: line 1 of {path} is not a header of the form " +
                "'rows,features,name0,name1,...'.");
        }

        var dataset = ReadRows(reader, path, 1, features, header[2..]);
        if (dataset.Count != rows)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"Datasets.LoadIris: {path} has {dataset.Count} rows but its header announces " +
                $"{rows}; the file is truncated or edited."));
        }

        return dataset;
    }

    private static Dataset ReadRows(
        TextReader reader, string path, int linesBefore, int featureCount, string[] classNames)
    {
        var values = new List<double>();
        var labels = new List<int>();
        int lineNumber = linesBefore;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            if (fields.Length != featureCount + 1)
            {
                throw Malformed(path, lineNumber, string.Create(CultureInfo.InvariantCulture,
                    $"it has {fields.Length} fields, not {featureCount} features and a label"));
            }

            for (int k = 0; k < featureCount; k++)
            {
                if (!double.TryParse(fields[k], NumberStyles.Float, CultureInfo.InvariantCulture,
                    out double value))
                {
                    throw Malformed(path, lineNumber,
                        $"field {k + 1} ('{fields[k]}') is not a number");
                }

                values.Add(value);
            }

            if (!double.TryParse(fields[^1], NumberStyles.Float, CultureInfo.InvariantCulture,
                    out double label)
                || label != Math.Floor(label) || label < 0 || label >= classNames.Length)
            {
                throw Malformed(path, lineNumber, string.Create(CultureInfo.InvariantCulture,
                    $"the label '{fields[^1]}' is not a class from 0 to {classNames.Length - 1}"));
            }

            labels.Add((int)label);
        }

        if (labels.Count == 0)
        {
            throw new InvalidDataException(
                $"Datasets: {path} contains no examples; a data set needs at least one row.");
        }

        var tensor = Tensor.FromRowMajor(labels.Count, featureCount, values.ToArray());
        return new Dataset(tensor, labels, classNames);
    }

    private static InvalidDataException Malformed(string path, int line, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"Datasets: line {line} of {path} is malformed: {problem}."));
}
