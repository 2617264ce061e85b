using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

public sealed class GradientCheckPassTests
{
    [Theory]
    [MemberData(nameof(CheckModes.All), MemberType = typeof(CheckModes))]
    public void CorrectLayersPassInEveryMode(GradientCheckMode mode)
    {
        var options = new GradientCheckOptions { Mode = mode, Samples = 5, Seed = 2 };
        foreach (int shapeSeed in new[] { 21, 22, 23 })
        {
            var (batch, inputs, outputs) = CheckShapes.Draw(shapeSeed);
            var input = AwayFromZero(Tensor.RandomUniform(batch, inputs, shapeSeed));
            ILayer[] layers =
            [
                Linear.Create(inputs, outputs, shapeSeed),
                new FaultyLinear(inputs, outputs, shapeSeed, LinearMistake.None),
                ElementwiseLayer.Tanh(),
                ElementwiseLayer.Sigmoid(),
                ElementwiseLayer.Relu(),
            ];

            foreach (var layer in layers)
            {
                var report = GradientCheck.CheckLayer(layer, input, options);

                Assert.True(report.Passed, report.ToString());
                Assert.Equal(1.0, report.Score);
                Assert.All(report.Gradients, gradient => Assert.Equal(mode, gradient.Mode));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CheckModes.All), MemberType = typeof(CheckModes))]
    public void CorrectLossHeadPassesInEveryMode(GradientCheckMode mode)
    {
        var options = new GradientCheckOptions { Mode = mode, Samples = 5 };
        var prediction = Tensor.RandomUniform(5, 4, 8, -3, 3);
        var target = SoftmaxCrossEntropy.OneHot(5, 4, 9);

        var report = GradientCheck.CheckLoss(new SoftmaxCrossEntropy(), prediction, target, options);

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(ErrorBand.Good, report["dY"].Band);
    }

    [Fact]
    public void StackedLayersGetDistinctNames()
    {
        var layer = new StackedLayer(Linear.Create(3, 6, 1),
            new StackedLayer(ElementwiseLayer.Tanh(), Linear.Create(6, 4, 2)));

        var report = GradientCheck.CheckLayer(layer, Tensor.RandomUniform(5, 3, 2));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(["dX", "dW", "db", "dW (2)", "db (2)"], report.Gradients.Select(g => g.Name));
        Assert.Equal(new Shape(6, 4), report["dW (2)"].ExpectedShape);
        Assert.Null(report.Structure);
    }

    [Fact]
    public void StackedMeanBiasIsStillOneOverB()
    {
        var layer = new StackedLayer(Linear.Create(3, 6, 1),
            new FaultyLinear(6, 4, 2, LinearMistake.BiasGradientMean));

        var report = GradientCheck.CheckLayer(layer, Tensor.RandomUniform(5, 3, 2));

        Assert.Equal("1/B", report["db (2)"].Diagnosis!.FactorName);
        Assert.True(report["db"].Passed);
    }

    [Fact]
    public void ModesCostWhatTheyPromise()
    {
        var layer = Linear.Create(3, 4, 1);
        var input = Tensor.RandomUniform(5, 3, 2);

        var full = GradientCheck.CheckLayer(layer, input);
        var sampled = GradientCheck.CheckLayer(layer, input,
            new GradientCheckOptions { Mode = GradientCheckMode.Sampled, Samples = 2 });
        var directional = GradientCheckLayerDirectional(layer, input, 3);

        // One evaluation at the unperturbed point, then two per element or direction.
        Assert.Equal(1 + 2 * (15 + 12 + 4), full.LossEvaluations);
        Assert.Equal(1 + 2 * (2 + 2 + 2), sampled.LossEvaluations);
        Assert.Equal(1 + 2 * (3 + 3 + 3), directional.LossEvaluations);
        Assert.Equal(2, sampled["dW"].Comparisons.Count);
        Assert.Equal(["u1", "u2", "u3"], directional["dW"].Comparisons.Select(c => c.Label));
    }

    [Fact]
    public void SampledModeChecksWholeSmallGradient()
    {
        var report = GradientCheck.CheckLayer(Linear.Create(3, 4, 1), Tensor.RandomUniform(5, 3, 2),
            new GradientCheckOptions { Mode = GradientCheckMode.Sampled, Samples = 100 });

        Assert.Equal(4, report["db"].Comparisons.Count);
        Assert.Null(report["db"].Numeric);
    }

    [Fact]
    public void SameSeedGivesSameReport()
    {
        foreach (var mode in new[] { GradientCheckMode.Sampled, GradientCheckMode.Directional })
        {
            var options = new GradientCheckOptions { Mode = mode, Samples = 4, Seed = 42 };
            string Run() => GradientCheck.CheckLayer(
                new FaultyLinear(3, 4, 1, LinearMistake.BiasGradientMean),
                Tensor.RandomUniform(5, 3, 2), options).ToString();

            Assert.Equal(Run(), Run());
        }
    }

    [Fact]
    public void DifferentSeedsSampleDifferentElements()
    {
        IEnumerable<string> Labels(int seed) => GradientCheck.CheckLayer(
                Linear.Create(6, 7, 1), Tensor.RandomUniform(5, 6, 2),
                new GradientCheckOptions { Mode = GradientCheckMode.Sampled, Samples = 8, Seed = seed })
            ["dW"].Comparisons.Select(comparison => comparison.Label);

        Assert.NotEqual(Labels(1), Labels(2));
    }

    [Fact]
    public void ReluAtKinkIsReportedNotFailed()
    {
        var input = Tensor.RandomUniform(5, 3, 4).Map(x => x + Math.Sign(x) * 0.1);
        input[2, 1] = 1e-7;

        var result = GradientCheck.CheckLayer(ElementwiseLayer.Relu(), input)["dX"];

        Assert.True(result.Passed, result.Problem);
        Assert.Equal(1, result.KinkCount);
        var kink = Assert.Single(result.Comparisons, comparison => comparison.NearKink);
        Assert.Equal("[2,1]", kink.Label);
        // The kink at 0 lies 1e-7 left of the element, so the left side is nearly flat.
        Assert.InRange(Math.Abs(kink.LeftDerivative), 0, 0.02 * Math.Abs(kink.RightDerivative));
    }

    [Fact]
    public void WrongValueAtKinkStillFails()
    {
        var input = Tensor.RandomUniform(5, 3, 4).Map(x => x + Math.Sign(x) * 0.1);
        input[2, 1] = 1e-7;
        var layer = new ElementwiseLayer("ReLU", x => Math.Max(0, x), x => x > 0.5 ? 1 : 3);

        var result = GradientCheck.CheckLayer(layer, input)["dX"];

        Assert.False(result.Passed);
        Assert.False(result.Comparisons.Single(comparison => comparison.NearKink).Passed);
    }

    [Fact]
    public void WrongShapeComparesNoNumber()
    {
        var report = GradientCheck.CheckLayer(
            new FaultyLinear(3, 4, 1, LinearMistake.BiasGradientNotReduced),
            Tensor.RandomUniform(5, 3, 2));

        var bias = report["db"];

        Assert.Empty(bias.Comparisons);
        Assert.Equal(new Shape(5, 4), bias.ActualShape);
        Assert.Equal(new Shape(1, 4), bias.ExpectedShape);
        Assert.Equal(ErrorBand.NotComparable, bias.Band);
        Assert.Equal(0, bias.Score);
        Assert.Equal(2.0 / 3, report.Score, 1e-12);
        Assert.StartsWith("db has shape [5,4] but b has shape [1,4].", bias.Problem);
    }

    [Fact]
    public void PartlyWrongScoreIsPassingFraction()
    {
        var report = GradientCheck.CheckLayer(
            new FaultyLinear(3, 4, 1, LinearMistake.InputGradientOneRowWrong),
            Tensor.RandomUniform(5, 3, 2));

        Assert.Equal(12.0 / 15, report["dX"].Score, 1e-12);
        Assert.Contains("3 of 15 compared elements of dX are wrong, all in row 0 ([0,0], [0,1], " +
            "[0,2]), and the rest agree",
            report["dX"].Problem);
    }

    [Fact]
    public void LooseToleranceAcceptsSmallError()
    {
        var layer = new ElementwiseLayer("Tanh", Math.Tanh, x => (1 - Math.Tanh(x) * Math.Tanh(x)) * 1.001);
        var input = Tensor.RandomUniform(5, 3, 4);

        var strict = GradientCheck.CheckLayer(layer, input);
        var loose = GradientCheck.CheckLayer(layer, input,
            new GradientCheckOptions { RelativeTolerance = 1e-2 });

        Assert.False(strict.Passed);
        Assert.True(loose.Passed);
        Assert.Equal(ErrorBand.Suspicious, loose["dX"].Band);
    }

    [Fact]
    public void OptionsRejectNegativeTolerance()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new GradientCheckOptions { RelativeTolerance = -1 });

        Assert.StartsWith("GradientCheckOptions: RelativeTolerance must be a finite number of " +
            "at least 0, but got -1.", error.Message);
    }

    [Fact]
    public void OptionsRejectZeroSamples()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => new GradientCheckOptions { Samples = 0 });

        Assert.StartsWith("GradientCheckOptions: Samples must be at least 1.", error.Message);
    }

    [Fact]
    public void UnknownGradientNameListsNames()
    {
        var report = GradientCheck.CheckLayer(Linear.Create(3, 4, 1), Tensor.RandomUniform(5, 3, 2));

        var error = Assert.Throws<KeyNotFoundException>(() => report["dV"]);

        Assert.Equal("The report has no gradient named 'dV'; it has dX, dW, db.", error.Message);
    }

    [Fact]
    public void ThrowingForwardIsWrapped()
    {
        var error = Assert.Throws<LayerCallException>(() =>
            GradientCheck.CheckLayer(Linear.Create(4, 2, 1), Tensor.RandomUniform(5, 3, 2)));

        Assert.Equal("Linear.Forward", error.Member);
        Assert.IsType<TensorShapeException>(error.InnerException);
        Assert.StartsWith("Linear.Forward threw TensorShapeException: Linear.Forward: the " +
            "input X has shape [5,3] but a weight of shape [4,2] needs X of shape [B,4]",
            error.Message);
    }

    [Fact]
    public void CheckRestoresPerturbedValues()
    {
        var layer = Linear.Create(3, 4, 1);
        var input = Tensor.RandomUniform(5, 3, 2);
        var weightBefore = layer.Weight.Value.Clone();
        var inputBefore = input.Clone();

        GradientCheck.CheckLayer(layer, input,
            new GradientCheckOptions { Mode = GradientCheckMode.Directional });

        Assert.Equal(weightBefore.Span.ToArray(), layer.Weight.Value.Span.ToArray());
        Assert.Equal(inputBefore.Span.ToArray(), input.Span.ToArray());
    }

    private static GradientCheckReport GradientCheckLayerDirectional(
        ILayer layer, Tensor input, int samples) =>
        GradientCheck.CheckLayer(layer, input,
            new GradientCheckOptions { Mode = GradientCheckMode.Directional, Samples = samples });

    // ReLU is checked away from its kink; the kink has its own tests.
    private static Tensor AwayFromZero(Tensor input) => input.Map(x => x + Math.Sign(x) * 0.1);
}
