using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Layers;

public class ModelFileTests
{
    [Fact]
    public void SavedParametersLoadBackExactly()
    {
        var source = Model(seed: 1);
        source.Parameters[1].Value[0, 0] = double.NaN;
        var target = Model(seed: 2);
        using var stream = new MemoryStream();

        ModelFile.Save(source, stream);
        stream.Position = 0;
        ModelFile.Load(target, stream);

        for (int i = 0; i < source.Parameters.Count; i++)
        {
            Assert.Equal(
                source.Parameters[i].Value.ToFlatArray(), target.Parameters[i].Value.ToFlatArray());
        }
    }

    [Fact]
    public void SaveToPathWritesDocumentedFormat()
    {
        string path = Path.Combine(Path.GetTempPath(), $"model_{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Save(new Sequential(new Linear(Tensor.Ones(1, 1), Tensor.Row(0.5))), path);
            string text = File.ReadAllText(path);

            Assert.Contains("\"format\": \"InteractiveBackprop.Parameters\"", text);
            Assert.Contains("\"version\": 1", text);
            Assert.Contains("\"name\": \"b\"", text);
            Assert.Contains("0.5", text);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadIntoOtherShapeLeavesModelUnchanged()
    {
        var target = Model(seed: 2);
        var before = target.Parameters[2].Value.ToFlatArray();
        using var stream = Saved(new Sequential(
            Linear.Create(4, 5, seed: 1), new ReLU(), Linear.Create(5, 2, seed: 1)));

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(target, stream));

        Assert.Equal("ModelFile.Load: the stream does not fit the model: parameter 0 ('W') has " +
            "shape [4,5] in the file but [4,3] in the model. Load the file into a model built " +
            "with the same layers and sizes as the saved one.", error.Message);
        Assert.Equal(before, target.Parameters[2].Value.ToFlatArray());
    }

    [Fact]
    public void LoadWithOtherCountNamesBoth()
    {
        using var stream = Saved(new Sequential(Linear.Create(4, 3, seed: 1)));

        var error = Assert.Throws<InvalidDataException>(() => ModelFile.Load(Model(seed: 1), stream));

        Assert.StartsWith("ModelFile.Load: the stream does not fit the model: it contains 2 " +
            "parameters but the model has 4.", error.Message);
    }

    [Fact]
    public void LoadOfForeignJsonIsRejected()
    {
        using var stream = new MemoryStream("{\"format\": \"other\", \"version\": 1}"u8.ToArray());
        using var broken = new MemoryStream("not json"u8.ToArray());

        var foreign = Assert.Throws<InvalidDataException>(() => ModelFile.Load(Model(1), stream));
        var invalid = Assert.Throws<InvalidDataException>(() => ModelFile.Load(Model(1), broken));

        Assert.Equal("ModelFile.Load: the stream is not a parameter file: its \"format\" is " +
            "'other', not 'InteractiveBackprop.Parameters'; load a file written by " +
            "ModelFile.Save.", foreign.Message);
        Assert.StartsWith("ModelFile.Load: the stream is not valid JSON", invalid.Message);
    }

    private static Sequential Model(int seed) =>
        new(Linear.Create(4, 3, seed), new Tanh(), Linear.Create(3, 2, seed + 1));

    private static MemoryStream Saved(ILayer model)
    {
        var stream = new MemoryStream();
        ModelFile.Save(model, stream);
        stream.Position = 0;
        return stream;
    }
}
