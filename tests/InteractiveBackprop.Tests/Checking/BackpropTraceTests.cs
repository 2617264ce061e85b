using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

public sealed class BackpropTraceTests
{
    [Fact]
    public void LinearTraceFollowsDerivedFormulas()
    {
        var layer = Linear.Create(3, 4, 1);
        var input = Tensor.RandomUniform(5, 3, 2);

        var trace = BackpropTrace.Run(layer, input, seed: 6);
        var entries = trace.Entries.ToDictionary(entry => entry.Name);
        var x = entries["X"].Value!;
        var dY = entries["dY"].Value!;

        Assert.Equal(["X", "W", "b", "Y", "dY", "dX", "dW", "db"], trace.Entries.Select(e => e.Name));
        Assert.Equal(x.T.MatMul(dY).Span.ToArray(), entries["dW"].Value!.Span.ToArray());
        Assert.Equal(dY.MatMul(layer.Weight.Value.T).Span.ToArray(),
            entries["dX"].Value!.Span.ToArray());
        Assert.Equal(dY.Sum(axis: 0).Span.ToArray(), entries["db"].Value!.Span.ToArray());
        Assert.Equal("dW = Xᵀ·dY", entries["dW"].Formula);
        Assert.Equal("Y = X·W + b", entries["Y"].Formula);
        Assert.Equal("affine Y = X·W + b", trace.Structure);
    }

    [Fact]
    public void TraceUpstreamMatchesCheckUpstream()
    {
        var trace = BackpropTrace.Run(Linear.Create(3, 4, 1), Tensor.RandomUniform(5, 3, 2), 6);

        var dY = trace.Entries.Single(entry => entry.Name == "dY").Value!;

        Assert.Equal(GradientCheck.Upstream(new Shape(5, 4), 6).Span.ToArray(), dY.Span.ToArray());
    }

    [Fact]
    public void BlackBoxTraceNamesCalls()
    {
        var trace = BackpropTrace.Run(ElementwiseLayer.Tanh(), Tensor.RandomUniform(5, 3, 2), 1);

        Assert.Equal("Y = ElementwiseLayer.Forward(X)", trace.Entries[1].Formula);
        Assert.Equal("dX from ElementwiseLayer.Backward(dY)", trace.Entries[3].Formula);
        Assert.Null(trace.Structure);
    }

    [Fact]
    public void MissingGradientIsShownAsNull()
    {
        var layer = new FaultyLinear(3, 4, 1, LinearMistake.WeightGradientNull);

        var trace = BackpropTrace.Run(layer, Tensor.RandomUniform(5, 3, 2), 1);

        Assert.Null(trace.Entries.Single(entry => entry.Name == "dW").Value);
        Assert.Contains("dW null: dW = Xᵀ·dY", InteractiveBackprop.Rendering.TraceText.Format(trace));
    }
}
