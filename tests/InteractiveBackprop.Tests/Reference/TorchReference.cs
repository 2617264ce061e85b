using System.Globalization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Reference;

/// <summary>
/// Reads tests/reference/torch_reference.txt, written by make_torch_reference.py: one
/// <c>name|shape|values</c> line per tensor after a '#' header.
/// </summary>
internal sealed class TorchReference
{
    private readonly Dictionary<string, Tensor> _tensors;

    private TorchReference(Dictionary<string, Tensor> tensors) => _tensors = tensors;

    public static TorchReference Committed { get; } =
        Load(RepositoryPaths.Reference("torch_reference.txt"));

    public static TorchReference Load(string path)
    {
        var tensors = new Dictionary<string, Tensor>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#'))
        {
            var fields = line.Split('|');
            int[] dimensions = fields[1].Length == 0
                ? []
                : fields[1].Split(',').Select(int.Parse).ToArray();
            var values = fields[2].Split(' ')
                .Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToArray();
            tensors.Add(fields[0], Tensor.FromRowMajor(Shape.Of(dimensions), values));
        }

        return new TorchReference(tensors);
    }

    public Tensor this[string name] => _tensors[name].Clone();

    public int[] Classes(string name) => _tensors[name].Span.ToArray().Select(v => (int)v).ToArray();

    /// <summary>Asserts that <paramref name="actual"/> agrees with PyTorch's
    /// <paramref name="name"/> within <see cref="Tolerance.Float64Reordering"/>.</summary>
    public void AssertMatches(string name, Tensor actual)
    {
        var expected = _tensors[name];
        Assert.Equal(expected.Shape, actual.Shape);
        int index = actual.FirstDifference(expected, Tolerance.Float64Reordering);
        Assert.True(index < 0, index < 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{name}: element {index} is {actual.Span[index]:R} but PyTorch gives " +
            $"{expected.Span[index]:R} ({Tolerance.Float64Reordering})"));
    }

    public void AssertMatches(string name, double actual) =>
        AssertMatches(name, Tensor.Scalar(actual));
}
