using System.Diagnostics;
using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Losses;
using InteractiveBackprop.Optimizers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Reference;

public class TorchReferenceTests
{
    private const string Python = "/usr/bin/python3";

    private static TorchReference Torch => TorchReference.Committed;

    [Fact]
    public void LinearExplicitPassMatchesTorch()
    {
        var layer = new Linear(Torch["linear.W"], Torch["linear.b"]);

        var output = layer.Forward(Torch["linear.X"]);
        var inputGradient = layer.Backward(Torch["linear.dY"]);

        Torch.AssertMatches("linear.Y", output);
        Torch.AssertMatches("linear.dX", inputGradient);
        Torch.AssertMatches("linear.dW", layer.Weight.Grad!);
        Torch.AssertMatches("linear.db", layer.Bias.Grad!);
    }

    [Fact]
    public void LinearGraphPassMatchesTorch()
    {
        var layer = new Linear(Torch["linear.W"], Torch["linear.b"]);
        var input = new Variable(Torch["linear.X"], requiresGrad: true);

        var output = layer.Forward(input);
        output.Backward(Torch["linear.dY"]);

        Torch.AssertMatches("linear.Y", output.Value);
        Torch.AssertMatches("linear.dX", input.Grad);
        Torch.AssertMatches("linear.dW", layer.Weight.Grad!);
        Torch.AssertMatches("linear.db", layer.Bias.Grad!);
    }

    [Fact]
    public void MlpExplicitPassMatchesTorch()
    {
        var model = Mlp();
        var loss = new SoftmaxCrossEntropy();

        var scores = model.Forward(Torch["mlp.X"]);
        double value = loss.Forward(scores, Torch.Classes("mlp.classes"));
        var inputGradient = model.Backward(loss.Backward());

        Torch.AssertMatches("mlp.scores", scores);
        Torch.AssertMatches("mlp.loss", value);
        Torch.AssertMatches("mlp.dX", inputGradient);
        AssertMlpGradients(model);
    }

    [Fact]
    public void MlpGraphPassMatchesTorch()
    {
        var model = Mlp();
        var input = new Variable(Torch["mlp.X"], requiresGrad: true);

        var scores = model.Forward(input);
        var loss = new SoftmaxCrossEntropy().Forward(scores, Torch["mlp.classes"]);
        loss.Backward();

        Torch.AssertMatches("mlp.scores", scores.Value);
        Torch.AssertMatches("mlp.loss", loss.Value.ToDouble());
        Torch.AssertMatches("mlp.dX", input.Grad);
        AssertMlpGradients(model);
    }

    [Theory]
    [InlineData(LossReduction.Mean, "mean")]
    [InlineData(LossReduction.Sum, "sum")]
    public void MeanSquaredErrorMatchesTorch(LossReduction reduction, string form)
    {
        var loss = new MeanSquaredError(reduction);
        var prediction = new Variable(Torch["mse.Y"], requiresGrad: true);

        double value = loss.Forward(Torch["mse.Y"], Torch["mse.T"]);
        var gradient = loss.Backward();
        var graphLoss = loss.Forward(prediction, Torch["mse.T"]);
        graphLoss.Backward();

        Torch.AssertMatches($"mse.{form}.loss", value);
        Torch.AssertMatches($"mse.{form}.dY", gradient);
        Torch.AssertMatches($"mse.{form}.loss", graphLoss.Value.ToDouble());
        Torch.AssertMatches($"mse.{form}.dY", prediction.Grad);
    }

    [Theory]
    [InlineData(LossReduction.Mean, "mean")]
    [InlineData(LossReduction.Sum, "sum")]
    public void CrossEntropyMatchesTorchForEveryTargetForm(LossReduction reduction, string form)
    {
        var loss = new SoftmaxCrossEntropy(reduction);
        int[] classes = Torch.Classes("ce.classes");
        var oneHot = InteractiveBackprop.Data.OneHot.Encode(classes, 5);
        var targets = new (string Name, Func<double> Forward)[]
        {
            ("class array", () => loss.Forward(Torch["ce.Z"], classes)),
            ("index vector", () => loss.Forward(Torch["ce.Z"], Torch["ce.classes"])),
            ("index column", () => loss.Forward(Torch["ce.Z"], Torch["ce.classes"].Reshape(4, 1))),
            ("one-hot", () => loss.Forward(Torch["ce.Z"], oneHot)),
        };

        foreach (var (_, forward) in targets)
        {
            Torch.AssertMatches($"ce.{form}.loss", forward());
            Torch.AssertMatches($"ce.{form}.dZ", loss.Backward());
        }

        var scores = new Variable(Torch["ce.Z"], requiresGrad: true);
        var graphLoss = loss.Forward(scores, oneHot);
        graphLoss.Backward();
        Torch.AssertMatches($"ce.{form}.loss", graphLoss.Value.ToDouble());
        Torch.AssertMatches($"ce.{form}.dZ", scores.Grad);
    }

    [Fact]
    public void SoftmaxOfLargeScoresMatchesTorch()
    {
        var scores = Torch["ce.Z"];

        Torch.AssertMatches("ce.softmax", scores.Softmax(axis: 1));
        Torch.AssertMatches("ce.logSoftmax", scores.LogSoftmax());
        Torch.AssertMatches("ce.softmax0", scores.Softmax(axis: 0));
    }

    [Fact]
    public void ElementwiseFunctionsMatchTorch()
    {
        var x = Torch["unary.X"];

        Torch.AssertMatches("unary.exp", x.Exp());
        Torch.AssertMatches("unary.tanh", x.Tanh());
        Torch.AssertMatches("unary.sigmoid", x.Sigmoid());
        Torch.AssertMatches("unary.relu", x.Relu());
        Torch.AssertMatches("unary.logAbs", x.Map(Math.Abs).Log());
    }

    [Fact]
    public void AdamStepsMatchTorch()
    {
        var parameter = new Parameter("P", Torch["opt.P"]);
        var optimizer = new Adam([parameter], learningRate: 0.01);

        parameter.Grad = Torch["opt.G1"];
        optimizer.Step();
        Torch.AssertMatches("opt.adam.step1", parameter.Value);
        parameter.Grad = Torch["opt.G2"];
        optimizer.Step();
        Torch.AssertMatches("opt.adam.step2", parameter.Value);
    }

    [Fact]
    public void SgdMomentumStepsMatchTorch()
    {
        var parameter = new Parameter("P", Torch["opt.P"]);
        var optimizer = new Sgd([parameter], learningRate: 0.1, momentum: 0.9);

        parameter.Grad = Torch["opt.G1"];
        optimizer.Step();
        Torch.AssertMatches("opt.sgd.step1", parameter.Value);
        parameter.Grad = Torch["opt.G2"];
        optimizer.Step();
        Torch.AssertMatches("opt.sgd.step2", parameter.Value);
    }

    [SkippableFact]
    public void RegeneratedReferenceEqualsCommittedFile()
    {
        const string Missing = "is not installed (apt-get install python3-torch), so the " +
            "reference file cannot be regenerated.";
        Skip.IfNot(File.Exists(Python), $"{Python} {Missing}");
        string output = Path.Combine(Path.GetTempPath(), $"torch_reference_{Guid.NewGuid():N}.txt");
        try
        {
            var run = RunPython(RepositoryPaths.Reference("make_torch_reference.py"), output);

            Skip.If(run.Error.Contains("No module named 'torch'"), $"torch for {Python} {Missing}");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(
                File.ReadAllText(RepositoryPaths.Reference("torch_reference.txt")),
                File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static Sequential Mlp() => new(
        new Linear(Torch["mlp.W0"], Torch["mlp.b0"]), new ReLU(),
        new Linear(Torch["mlp.W1"], Torch["mlp.b1"]), new Tanh(),
        new Linear(Torch["mlp.W2"], Torch["mlp.b2"]));

    private static void AssertMlpGradients(Sequential model)
    {
        var linears = model.Layers.OfType<Linear>().ToArray();
        for (int k = 0; k < linears.Length; k++)
        {
            Torch.AssertMatches($"mlp.dW{k}", linears[k].Weight.Grad!);
            Torch.AssertMatches($"mlp.db{k}", linears[k].Bias.Grad!);
        }
    }

    private static (int ExitCode, string Error) RunPython(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error);
    }
}
