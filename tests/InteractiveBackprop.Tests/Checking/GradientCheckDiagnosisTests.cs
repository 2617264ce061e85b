using InteractiveBackprop.Checking;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

public sealed class GradientCheckDiagnosisTests
{
    // Shape seeds whose draws differ, so that each mistake is diagnosed at several sizes.
    private static readonly int[] ShapeSeeds = [11, 12, 13, 14, 15, 16, 17, 18];

    public static TheoryData<LinearMistake, string, GradientMistake, string?, string?> Mistakes =>
        new()
        {
            { LinearMistake.WeightGradientOperandsSwapped, "dW", GradientMistake.SwappedOperands,
                null, "dYᵀ·X" },
            { LinearMistake.WeightGradientSwappedAndMean, "dW",
                GradientMistake.SwappedOperands, "1/B", "dYᵀ·X" },
            { LinearMistake.WeightGradientUsesOutput, "dW", GradientMistake.WrongFormula, null,
                "Xᵀ·Y" },
            { LinearMistake.WeightGradientAllZero, "dW", GradientMistake.AllZero, null, null },
            { LinearMistake.WeightGradientNull, "dW", GradientMistake.NotComputed, null, null },
            { LinearMistake.WeightGradientNaN, "dW", GradientMistake.NonFinite, null, null },
            { LinearMistake.WeightGradientTimesBatch, "dW", GradientMistake.Scaled, "B", null },
            { LinearMistake.WeightGradientSignFlipped, "dW", GradientMistake.Scaled, "-1", null },
            { LinearMistake.BiasGradientMean, "db", GradientMistake.Scaled, "1/B", null },
            { LinearMistake.BiasGradientMeanTwice, "db", GradientMistake.Scaled, "1/B²", null },
            { LinearMistake.BiasGradientNegativeMean, "db", GradientMistake.Scaled, "-1/B", null },
            { LinearMistake.BiasGradientNotReduced, "db", GradientMistake.NotReducedOverBatch,
                null, null },
            { LinearMistake.BiasGradientWrongAxis, "db", GradientMistake.WrongFormula, null,
                "dY summed over each row" },
            { LinearMistake.InputGradientDoubled, "dX", GradientMistake.Scaled, "2", null },
            { LinearMistake.InputGradientOneRowWrong, "dX", GradientMistake.PartlyWrong, null,
                null },
            { LinearMistake.InputGradientTransposedResult, "dX", GradientMistake.SwappedOperands,
                null, "W·dYᵀ" },
        };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void FullCheckNamesEachLinearMistake(
        LinearMistake mistake, string gradient, GradientMistake expected, string? factor,
        string? formula)
    {
        foreach (int shapeSeed in ShapeSeeds)
        {
            var report = CheckFaulty(mistake, shapeSeed, new GradientCheckOptions { Seed = 3 });

            AssertDiagnosed(report, gradient, expected, factor, formula);
            Assert.All(report.Gradients.Where(other => other.Name != gradient),
                other => Assert.True(other.Passed, other.Problem));
        }
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void SampledCheckNamesEachLinearMistake(
        LinearMistake mistake, string gradient, GradientMistake expected, string? factor,
        string? formula)
    {
        // Ten samples cover every row of the largest batch drawn, 9, so a mistake in one
        // example is sampled.
        foreach (int shapeSeed in ShapeSeeds)
        {
            var options = new GradientCheckOptions
            {
                Seed = 5, Mode = GradientCheckMode.Sampled, Samples = 10,
            };
            var report = CheckFaulty(mistake, shapeSeed, options);

            AssertDiagnosed(report, gradient, expected, factor, formula);
        }
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void DirectionalCheckNamesEachLinearMistake(
        LinearMistake mistake, string gradient, GradientMistake expected, string? factor,
        string? formula)
    {
        // A direction mixes every element, so a failure confined to some elements cannot be
        // distinguished from any other unexplained one.
        var expectedInDirections = expected == GradientMistake.PartlyWrong
            ? GradientMistake.Unexplained
            : expected;
        foreach (int shapeSeed in ShapeSeeds)
        {
            var options = new GradientCheckOptions
            {
                Seed = 7, Mode = GradientCheckMode.Directional, Samples = 3,
            };
            var report = CheckFaulty(mistake, shapeSeed, options);

            AssertDiagnosed(report, gradient, expectedInDirections, factor, formula);
        }
    }

    [Fact]
    public void MeanBiasGradientIsOneOverB()
    {
        var report = CheckFaulty(LinearMistake.BiasGradientMean, 11, new GradientCheckOptions());
        int batch = CheckShapes.Draw(11).Batch;

        var diagnosis = report["db"].Diagnosis!;

        Assert.Equal(1.0 / batch, diagnosis.Factor!.Value, 1e-9);
        Assert.StartsWith($"db is 1/B times the true gradient, where 1/B = 1/{batch}: a mean " +
            "over the batch where a sum belongs.", diagnosis.Message);
        Assert.Equal(@"\texttt{db} = \frac{1}{B}\,\frac{\partial L}{\partial b}", diagnosis.Latex);
    }

    [Fact]
    public void NegativeMeanNamesBothMistakes()
    {
        var layer = new FaultyLinear(3, 4, 1, LinearMistake.BiasGradientNegativeMean);

        string message = GradientCheck.CheckLayer(layer, Tensor.RandomUniform(5, 3, 5))["db"]
            .Problem!;

        Assert.StartsWith("db is -1/B times the true gradient, where -1/B = -1/5: a mean over " +
            "the batch where a sum belongs.", message);
        Assert.EndsWith("not average; the sign is flipped as well.", message);
    }

    [Fact]
    public void BatchOfTwoWarnsFactorsCoincide()
    {
        var layer = new FaultyLinear(3, 4, 1, LinearMistake.BiasGradientMean);

        var diagnosis = GradientCheck.CheckLayer(layer, Tensor.RandomUniform(2, 3, 5))["db"]
            .Diagnosis!;

        Assert.Equal("1/B", diagnosis.FactorName);
        Assert.Contains("(with B = 2 this is also 1/2, a missing factor 2: check with a batch " +
            "of 3 or more to tell them apart)", diagnosis.Message);
    }

    [Fact]
    public void OutInLayoutIsDetected()
    {
        var report = GradientCheck.CheckLayer(new OutInLinear(3, 4, 1, swapped: false),
            Tensor.RandomUniform(5, 3, 2));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal("affine Y = X·Wᵀ + b", report.Structure);
        Assert.Equal("dYᵀ·X", report["dW"].Formula);
        Assert.Equal("dY·W", report["dX"].Formula);
    }

    [Fact]
    public void VectorInputAffineLayerIsDetected()
    {
        var report = GradientCheck.CheckLayer(new VectorInputLinear(3, 4, 1),
            Tensor.RandomUniform(Shape.Vector(3), 2));

        Assert.True(report.Passed, report.ToString());
        Assert.Equal("affine Y = X·W + b", report.Structure);
        Assert.Equal(Shape.Vector(3), report["dX"].Numeric!.Shape);
    }

    [Fact]
    public void OutInLayoutNamesSwappedOperands()
    {
        var report = GradientCheck.CheckLayer(new OutInLinear(3, 4, 1, swapped: true),
            Tensor.RandomUniform(5, 3, 2));

        var diagnosis = report["dW"].Diagnosis!;

        Assert.Equal(GradientMistake.SwappedOperands, diagnosis.Mistake);
        Assert.Equal("Xᵀ·dY", diagnosis.Formula);
        Assert.EndsWith("The correct form is dW = dYᵀ·X.", diagnosis.Message);
    }

    [Fact]
    public void UntransposedSquareWeightIsDiagnosed()
    {
        var layer = new FaultyLinear(4, 4, 2, LinearMistake.InputGradientTransposedWeight);
        var input = Tensor.RandomUniform(5, 4, 9);

        var diagnosis = GradientCheck.CheckLayer(layer, input)["dX"].Diagnosis!;

        Assert.Equal(GradientMistake.Transposed, diagnosis.Mistake);
        Assert.Equal("dY·W", diagnosis.Formula);
        Assert.Contains("The correct form is dX = dY·Wᵀ.", diagnosis.Message);
    }

    [Fact]
    public void SwappedOperandsMessageNamesCorrectForm()
    {
        var report = CheckFaulty(LinearMistake.WeightGradientOperandsSwapped, 11,
            new GradientCheckOptions());
        var (_, inputs, outputs) = CheckShapes.Draw(11);

        string message = report["dW"].Problem!;

        Assert.Equal($"dW has shape [{outputs},{inputs}] but W has shape [{inputs},{outputs}]. " +
            "A gradient has the shape of what it differentiates, because ∂L/∂W holds one " +
            "number per element of W, so no values can make this one right. dW equals dYᵀ·X: " +
            "the operands are swapped, which gives (Xᵀ·dY)ᵀ, the transpose of the true " +
            "gradient. The correct form is dW = Xᵀ·dY.", message);
    }

    [Fact]
    public void BlackBoxTransposeIsDiagnosed()
    {
        var layer = new TransposingLayer(ElementwiseLayer.Tanh());
        var input = Tensor.RandomUniform(5, 3, 4);

        var result = GradientCheck.CheckLayer(layer, input)["dX"];

        Assert.Equal(GradientMistake.Transposed, result.Diagnosis!.Mistake);
        Assert.Null(result.Diagnosis.Factor);
        Assert.Empty(result.Comparisons);
        Assert.Contains("Its transpose matches the central differences.", result.Problem);
    }

    [Fact]
    public void WrongDerivativeIsUnexplained()
    {
        var input = Tensor.RandomUniform(5, 3, 4);

        var result = GradientCheck.CheckLayer(ElementwiseLayer.SigmoidMissingFactor(), input)["dX"];

        Assert.Equal(GradientMistake.Unexplained, result.Diagnosis!.Mistake);
        Assert.Equal(ErrorBand.Wrong, result.Band);
    }

    [Fact]
    public void LossHeadMissingMeanIsTimesB()
    {
        var prediction = Tensor.RandomUniform(5, 4, 2);
        var target = SoftmaxCrossEntropy.OneHot(5, 4, 3);

        var report = GradientCheck.CheckLoss(new SoftmaxCrossEntropy(5), prediction, target);

        Assert.Equal(GradientMistake.Scaled, report["dY"].Diagnosis!.Mistake);
        Assert.Equal("B", report["dY"].Diagnosis!.FactorName);
    }

    [Fact]
    public void FunctionWithSignFlippedClaimIsDiagnosed()
    {
        var a = Tensor.RandomUniform(3, 4, 1);
        var b = Tensor.RandomUniform(3, 4, 2);
        GradientClaim[] claims = [new("A", a, b.Scale(-1)), new("B", b, a)];

        var report = GradientCheck.CheckFunction(inputs => inputs[0].Multiply(inputs[1]).Sum(),
            claims);

        Assert.Equal("-1", report["dA"].Diagnosis!.FactorName);
        Assert.True(report["dB"].Passed);
    }

    [Fact]
    public void VectorAndScalarInputsAreChecked()
    {
        var v = Tensor.Vector(0.5, -1.5, 2);
        var s = Tensor.Scalar(3);
        GradientClaim[] claims =
        [
            new("v", v, v.Scale(2 * 3)),
            new("s", s, Tensor.Scalar(v.Multiply(v).Sum() / 2)),
        ];

        var report = GradientCheck.CheckFunction(
            inputs => inputs[0].Multiply(inputs[0]).Sum() * inputs[1].Sum(), claims);

        Assert.True(report["dv"].Passed, report.ToString());
        Assert.Equal("1/2", report["ds"].Diagnosis!.FactorName);
        Assert.Equal(v.Shape, report["dv"].Numeric!.Shape);
    }

    [Fact]
    public void UnrelatedShapeIsWrongShape()
    {
        var x = Tensor.RandomUniform(3, 4, 1);
        GradientClaim[] claims = [new("X", x, Tensor.Zeros(2, 2))];

        var result = GradientCheck.CheckFunction(inputs => inputs[0].Sum(), claims)["dX"];

        Assert.Equal(GradientMistake.WrongShape, result.Diagnosis!.Mistake);
        Assert.Equal("dX has shape [2,2] but X has shape [3,4]. A gradient has the shape of " +
            "what it differentiates, because ∂L/∂X holds one number per element of X, so no " +
            "values can make this one right.", result.Problem);
    }

    [Fact]
    public void LossUndefinedNearPointIsReported()
    {
        var x = Tensor.FromArray(new double[,] { { 0, 1 } });
        GradientClaim[] claims = [new("X", x, Tensor.Row(0, 0.5))];

        var result = GradientCheck.CheckFunction(
            inputs => Math.Sqrt(inputs[0][0, 0]) + Math.Sqrt(inputs[0][0, 1]), claims)["dX"];

        Assert.Equal(GradientMistake.LossNotFinite, result.Diagnosis!.Mistake);
        Assert.StartsWith("The loss is not finite when X is perturbed by the step", result.Problem);
    }

    private static void AssertDiagnosed(
        GradientCheckReport report, string gradient, GradientMistake expected, string? factor,
        string? formula)
    {
        var diagnosis = report[gradient].Diagnosis;
        Assert.False(report.Passed);
        Assert.NotNull(diagnosis);
        Assert.Equal(expected, diagnosis.Mistake);
        Assert.Equal(factor, diagnosis.FactorName);
        Assert.Equal(formula, diagnosis.Formula);
    }

    private static GradientCheckReport CheckFaulty(
        LinearMistake mistake, int shapeSeed, GradientCheckOptions options)
    {
        var (batch, inputs, outputs) = CheckShapes.Draw(shapeSeed);
        var layer = new FaultyLinear(inputs, outputs, shapeSeed, mistake);
        var input = Tensor.RandomUniform(batch, inputs, shapeSeed + 100);
        return GradientCheck.CheckLayer(layer, input, options);
    }
}
