using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

public sealed class LinearGradientCheckTests
{
    [Fact]
    public void CorrectLinearPassesEveryGradient()
    {
        var layer = Linear.Create(3, 4, seed: 3);
        var input = Tensor.RandomUniform(5, 3, seed: 4);

        var report = GradientCheck.CheckLayer(layer, input);

        Assert.True(report.Passed);
        Assert.Equal(new[] { "dX", "dW", "db" }, report.Gradients.Select(g => g.Name));
        Assert.All(report.Gradients, g => Assert.True(g.MaxRelativeError < 1e-7, g.Name));
    }

    [Fact]
    public void MeanBiasGradientFails()
    {
        var layer = new MeanBiasLinear(Linear.Create(3, 4, seed: 3));
        var input = Tensor.RandomUniform(5, 3, seed: 4);

        var report = GradientCheck.CheckLayer(layer, input);

        Assert.False(report.Passed);
        var db = report.Gradients.Single(g => g.Name == "db");
        Assert.False(db.Passed);
        // The mean over a batch of 5 is the sum times 1/5, so the analytic value is 1/5 of the true one.
        Assert.Equal(0.8, db.MaxRelativeError, 6);
        Assert.Equal("1/B", db.Diagnosis!.FactorName);
        Assert.True(report.Gradients.Single(g => g.Name == "dW").Passed);
    }

    [Fact]
    public void WrongShapeFailsBeforeNumbers()
    {
        var layer = new UnreducedBiasLinear(Linear.Create(3, 4, seed: 3));
        var input = Tensor.RandomUniform(5, 3, seed: 4);

        var db = GradientCheck.CheckLayer(layer, input).Gradients.Single(g => g.Name == "db");

        Assert.False(db.Passed);
        Assert.Equal(new Shape(5, 4), db.ActualShape);
        Assert.True(double.IsNaN(db.MaxRelativeError));
        Assert.Contains("db has shape [5,4] but b has shape [1,4]", db.Problem);
    }

    [Fact]
    public void TransposedWeightGradientFailsWhenInputSharesSeed()
    {
        // X drawn with the check's own seed must not make Xᵀ·dY symmetric.
        var layer = new TransposedWeightLinear(Linear.Create(3, 3, seed: 2));
        var input = Tensor.RandomUniform(5, 3, seed: new GradientCheckOptions().Seed);

        var dW = GradientCheck.CheckLayer(layer, input).Gradients.Single(g => g.Name == "dW");

        Assert.False(dW.Passed);
        Assert.Equal(GradientMistake.Transposed, dW.Diagnosis!.Mistake);
    }

    [Fact]
    public void ParametersAreRestoredAfterCheck()
    {
        var layer = Linear.Create(3, 4, seed: 3);
        var before = layer.Weight.Value.Span.ToArray();

        GradientCheck.CheckLayer(layer, Tensor.RandomUniform(5, 3, seed: 4));

        Assert.Equal(before, layer.Weight.Value.Span.ToArray());
    }

    [Fact]
    public void PlainTextReportListsEachGradient()
    {
        var report = GradientCheck.CheckLayer(
            Linear.Create(3, 4, seed: 3), Tensor.RandomUniform(5, 3, seed: 4), subject: "L");

        string text = report.ToString();

        Assert.StartsWith("Gradient check of L: PASSED (score 1.00)\n", text);
        Assert.Contains("dX   pass  shape [5,3]", text);
        Assert.Contains("dW   pass  shape [3,4]", text);
        Assert.Contains("db   pass  shape [1,4]", text);
        Assert.Contains("with rtol 1.0e-6 and atol 1.0e-8.", text);
        Assert.Contains(", seed 1\n", text);
    }

    /// <summary>A Linear whose db averages dY over the batch, a common slip.</summary>
    private sealed class MeanBiasLinear(Linear inner) : ILayer
    {
        public IReadOnlyList<Parameter> Parameters => inner.Parameters;

        public Tensor Forward(Tensor input) => inner.Forward(input);

        public Tensor Backward(Tensor outputGradient)
        {
            var dX = inner.Backward(outputGradient);
            inner.Bias.Grad = outputGradient.Sum(axis: 0).Scale(1.0 / outputGradient.Rows);
            return dX;
        }
    }

    /// <summary>A Linear whose dW is transposed, which a square W leaves shape-correct.</summary>
    private sealed class TransposedWeightLinear(Linear inner) : ILayer
    {
        public IReadOnlyList<Parameter> Parameters => inner.Parameters;

        public Tensor Forward(Tensor input) => inner.Forward(input);

        public Tensor Backward(Tensor outputGradient)
        {
            var dX = inner.Backward(outputGradient);
            inner.Weight.Grad = inner.Weight.Grad!.T;
            return dX;
        }
    }

    /// <summary>A Linear whose db is dY itself, not summed over the batch.</summary>
    private sealed class UnreducedBiasLinear(Linear inner) : ILayer
    {
        public IReadOnlyList<Parameter> Parameters => inner.Parameters;

        public Tensor Forward(Tensor input) => inner.Forward(input);

        public Tensor Backward(Tensor outputGradient)
        {
            var dX = inner.Backward(outputGradient);
            inner.Bias.Grad = outputGradient.Clone();
            return dX;
        }
    }
}
