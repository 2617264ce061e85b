using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Layers;

/// <summary>
/// Saves and loads a model's parameters as JSON, so that a trained model can be reused in a
/// later session.
/// </summary>
/// <remarks>
/// The file is one object: <c>"format": "InteractiveBackprop.Parameters"</c>,
/// <c>"version": 1</c>, and <c>"parameters"</c>, an array in the order of
/// <see cref="ILayer.Parameters"/> whose entries have <c>"name"</c>, <c>"shape"</c> (an array of
/// 0 to 2 sizes) and <c>"values"</c> (row-major). Numbers are written in the shortest form that
/// reads back to the same double; NaN and infinities are written as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c> and <c>"-Infinity"</c>. Loading checks the count, each name and each shape
/// against the model before it changes any value, so a mismatched file leaves the model as it
/// was.
/// </remarks>
public static class ModelFile
{
    /// <summary>The value of the file's <c>"format"</c> field.</summary>
    public const string Format = "InteractiveBackprop.Parameters";

    /// <summary>The version of the layout that this library writes and reads.</summary>
    public const int Version = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    /// <summary>Writes the parameters of <paramref name="model"/> to the file at
    /// <paramref name="path"/>, replacing it.</summary>
    public static void Save(ILayer model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        Save(model, stream);
    }

    /// <summary>Writes the parameters of <paramref name="model"/> to <paramref name="stream"/>.
    /// </summary>
    public static void Save(ILayer model, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var document = new Document(Format, Version, model.Parameters
            .Select(p => new Entry(p.Name, p.Value.Shape.ToArray(), p.Value.ToFlatArray()))
            .ToArray());
        JsonSerializer.Serialize(stream, document, Options);
    }

    /// <summary>Reads the file at <paramref name="path"/> into the parameters of
    /// <paramref name="model"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a parameter file of this version,
    /// or its parameters differ from the model's in count, name or shape; the message names the
    /// first difference.</exception>
    public static void Load(ILayer model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        Load(model, stream, path);
    }

    /// <summary>Reads <paramref name="stream"/> into the parameters of <paramref name="model"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The content is not a parameter file of this
    /// version, or its parameters differ from the model's in count, name or shape.</exception>
    public static void Load(ILayer model, Stream stream) => Load(model, stream, "the stream");

    private static void Load(ILayer model, Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        var document = Read(stream, source);
        var parameters = model.Parameters;
        var entries = document.Parameters ?? [];
        if (entries.Length != parameters.Count)
        {
            throw Mismatch(source, $"it contains {entries.Length} parameters but the model has " +
                $"{parameters.Count}");
        }

        var values = new Tensor[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            values[i] = ToTensor(entries[i], parameters[i], i, source);
        }

        for (int i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i];
            parameters[i].Grad = null;
        }
    }

    private static Document Read(Stream stream, string source)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(stream, Options);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"ModelFile.Load: {source} is not valid JSON ({exception.Message}); load a file " +
                "written by ModelFile.Save.", exception);
        }

        if (document is null || document.Format != Format)
        {
            throw new InvalidDataException(
                $"ModelFile.Load: {source} is not a parameter file: its \"format\" is " +
                $"'{document?.Format}', not '{Format}'; load a file written by ModelFile.Save.");
        }

        if (document.Version != Version)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"ModelFile.Load: {source} has version {document.Version}, but this library " +
                $"reads version {Version}; save the model again with this library."));
        }

        return document;
    }

    private static Tensor ToTensor(Entry entry, Parameter parameter, int index, string source)
    {
        if (entry.Name != parameter.Name)
        {
            throw Mismatch(source, $"parameter {index} is named '{entry.Name}' in the file but " +
                $"'{parameter.Name}' in the model");
        }

        Shape shape;
        try
        {
            shape = Shape.Of(entry.Shape ?? []);
        }
        catch (ArgumentException exception)
        {
            throw Mismatch(source, $"parameter {index} ('{entry.Name}') has an invalid shape " +
                $"({exception.Message})");
        }

        if (shape != parameter.Value.Shape)
        {
            throw Mismatch(source, $"parameter {index} ('{entry.Name}') has shape {shape} in the " +
                $"file but {parameter.Value.Shape} in the model");
        }

        var values = entry.Values ?? [];
        if (values.Length != shape.Length)
        {
            throw Mismatch(source, $"parameter {index} ('{entry.Name}') has {values.Length} " +
                $"values but shape {shape} needs {shape.Length}");
        }

        return Tensor.FromRowMajor(shape, values);
    }

    private static InvalidDataException Mismatch(string source, string difference) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"ModelFile.Load: {source} does not fit the model: {difference}. Load the file " +
            $"into a model built with the same layers and sizes as the saved one."));

    private sealed record Document(string? Format, int Version, Entry[]? Parameters);

    private sealed record Entry(string? Name, int[]? Shape, double[]? Values);
}
