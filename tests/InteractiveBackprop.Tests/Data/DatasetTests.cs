using InteractiveBackprop.Data;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void DigitsLoadWithDocumentedShape()
    {
        var digits = Datasets.LoadDigits(RepositoryPaths.Data("digits.csv.gz"));

        Assert.Equal(new Shape(1797, 64), digits.Features.Shape);
        Assert.Equal(10, digits.ClassCount);
        Assert.Equal(0, digits.Labels[0]);
        Assert.Equal(16.0, digits.Features.Max());
        Assert.Equal(5.0, digits.Features[0, 2]);
    }

    [Fact]
    public void IrisLoadsClassNamesFromHeader()
    {
        var iris = Datasets.LoadIris(RepositoryPaths.Data("iris.csv"));

        Assert.Equal(new Shape(150, 4), iris.Features.Shape);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames);
        Assert.Equal([5.1, 3.5, 1.4, 0.2], iris.Features.SliceRows(0, 1).ToFlatArray());
        Assert.Equal(50, iris.Labels.Count(label => label == 2));
    }

    [Fact]
    public void SplitIsSeededAndDisjoint()
    {
        var data = Numbered(10);

        var (train, test) = data.Split(testFraction: 0.25, seed: 4);
        var (again, _) = data.Split(testFraction: 0.25, seed: 4);
        var ids = train.Features.ToFlatArray().Concat(test.Features.ToFlatArray()).ToArray();

        Assert.Equal(3, test.Count);
        Assert.Equal(7, train.Count);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), ids.Order());
        Assert.Equal(train.Features.ToFlatArray(), again.Features.ToFlatArray());
        Assert.Equal(train.Features.ToFlatArray().Select(v => (int)v % 2), train.Labels);
    }

    [Fact]
    public void SplitLeavingEmptySetIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(3).Split(0.99, 1));

        Assert.StartsWith("Dataset.Split: a test fraction of 0.99 of 3 examples leaves the " +
            "training or the test set empty", error.Message);
    }

    [Fact]
    public void ShuffledBatchesCoverEveryExampleOnce()
    {
        var data = Numbered(10);
        var random = new Random(1);

        var first = data.Batches(4, random).ToArray();
        var second = data.Batches(4, random).ToArray();

        Assert.Equal([4, 4, 2], first.Select(b => b.Labels.Length));
        var order = first.SelectMany(b => b.Features.ToFlatArray()).ToArray();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), order.Order());
        Assert.NotEqual(order, second.SelectMany(b => b.Features.ToFlatArray()));
        Assert.All(first,
            b => Assert.Equal(b.Features.ToFlatArray().Select(v => (int)v % 2), b.Labels));
    }

    [Fact]
    public void UnshuffledBatchesKeepOrder()
    {
        var batches = Numbered(5).Batches(2).ToArray();

        Assert.Equal([0.0, 1.0], batches[0].Features.ToFlatArray());
        Assert.Equal([4.0], batches[2].Features.ToFlatArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => Numbered(5).Batches(0));
    }

    [Fact]
    public void OneHotMarksLabelColumn()
    {
        var encoded = OneHot.Encode([2, 0], 3);

        Assert.Equal([0.0, 0, 1, 1, 0, 0], encoded.ToFlatArray());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([3], 3));
        Assert.StartsWith("OneHot.Encode: label 3 at position 0 is outside 0 to 2; pass the number " +
            "of classes as classCount.", error.Message);
    }

    [Fact]
    public void ScalerStandardisesWithTrainingStatistics()
    {
        var features = Tensor.FromArray(new double[,] { { 1, 5 }, { 3, 5 } });

        var scaler = StandardScaler.Fit(features);
        var scaled = scaler.Transform(Tensor.FromArray(new double[,] { { 2, 7 } }));

        Assert.Equal([-1.0, 0, 1, 0], scaler.Transform(features).ToFlatArray());
        Assert.Equal([0.0, 2.0], scaled.ToFlatArray());
        Assert.Throws<TensorShapeException>(() => scaler.Transform(Tensor.Zeros(1, 3)));
    }

    [Fact]
    public void DatasetRejectsLabelCountMismatch()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => new Dataset(Tensor.Zeros(3, 2), [0, 1], ["a", "b"]));

        Assert.Equal("Dataset: the features have shape [3,2] but the labels have shape [2]; " +
            "give a [N,F] matrix and N labels, one per row (2 were given).", error.Message);
    }

    [Fact]
    public void MalformedLineNamesLineNumber()
    {
        string path = Path.Combine(Path.GetTempPath(), $"iris_{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "2,4,a,b\n1,2,3,4,0\n1,2,x,4,1\n");
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => Datasets.LoadIris(path));

            Assert.Equal($"Datasets: line 3 of {path} is malformed: field 3 ('x') is not a number.",
                error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void UncompressedDigitsFileIsRejected()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => Datasets.LoadDigits(RepositoryPaths.Data("iris.csv")));

        Assert.StartsWith(
            $"Datasets.LoadDigits: {RepositoryPaths.Data("iris.csv")} is not a gzip-compressed file",
            error.Message);
    }

    [Fact]
    public void LabelOutsideClassesIsRejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new Dataset(Tensor.Zeros(2, 1), [0, 2], ["a", "b"]));

        Assert.StartsWith("Dataset: label 2 of example 1 is outside 0 to 1, the 2 classes named.",
            error.Message);
    }

    /// <summary>Example i has the single feature i and the label i mod 2.</summary>
    private static Dataset Numbered(int count) => new(
        Tensor.FromRowMajor(count, 1, Enumerable.Range(0, count).Select(i => (double)i).ToArray()),
        Enumerable.Range(0, count).Select(i => i % 2).ToArray(), ["even", "odd"]);
}
