using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Layers;

public class LayerErrorTests
{
    [Fact]
    public void LinearRejectsInputOfWrongWidth()
    {
        var layer = Linear.Create(3, 2, seed: 1);

        var error = Assert.Throws<TensorShapeException>(() => layer.Forward(Tensor.Zeros(4, 5)));
        var graphError = Assert.Throws<TensorShapeException>(
            () => layer.Forward(new Variable(Tensor.Vector(1, 2, 3))));

        Assert.Equal("Linear.Forward: the input X has shape [4,5] but a weight of shape [3,2] " +
            "needs X of shape [B,3], one row per example.", error.Message);
        Assert.StartsWith("Linear.Forward: the input X has shape [3]", graphError.Message);
    }

    [Fact]
    public void LinearRejectsVectorWeight()
    {
        var error = Assert.Throws<TensorShapeException>(
            () => new Linear(Tensor.Vector(1, 2), Tensor.Row(0, 0)));

        Assert.Equal("Linear: the tensor has shape [2] of rank 1, but the operation needs rank 2; " +
            "the weight W must be an [N,M] matrix for N inputs and M outputs.", error.Message);
    }

    [Fact]
    public void ActivationBackwardBeforeForwardThrows()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => new Tanh().Backward(Tensor.Zeros(1, 1)));

        Assert.Equal("Tanh.Backward: no forward pass has run; call Forward(X) first so that the " +
            "layer has the values its derivative needs.", error.Message);
    }

    [Fact]
    public void ActivationBackwardChecksGradientShape()
    {
        var layer = new ReLU();
        layer.Forward(Tensor.Zeros(2, 3));

        var error = Assert.Throws<TensorShapeException>(() => layer.Backward(Tensor.Zeros(3, 2)));

        Assert.Equal("ReLU.Backward: dY has shape [3,2] but the output Y of the latest forward " +
            "pass has shape [2,3]; dY must have Y's shape.", error.Message);
    }

    [Fact]
    public void SequentialGraphNeedsGraphLayers()
    {
        var model = new Sequential(Linear.Create(2, 2, seed: 1), new ExplicitOnlyLayer());

        var error = Assert.Throws<InvalidOperationException>(
            () => model.Forward(new Variable(Tensor.Zeros(1, 2))));

        Assert.Equal("Sequential.Forward: layer 1 (ExplicitOnlyLayer) implements only ILayer, so " +
            "it cannot run inside an autodiff graph. Implement IGraphLayer on it, or train this " +
            "model with Forward(Tensor) and Backward(Tensor).", error.Message);
    }

    [Fact]
    public void SequentialRejectsEmptyChain()
    {
        var error = Assert.Throws<ArgumentException>(() => new Sequential());

        Assert.StartsWith("Sequential: no layers were given; a chain needs at least one.",
            error.Message);
    }

    [Fact]
    public void CreateWithInitialisationStartsBiasAtZero()
    {
        var layer = Linear.Create(8, 4, seed: 1, Initialisation.He);

        Assert.Equal(new double[4], layer.Bias.Value.ToFlatArray());
        Assert.Equal(Tensor.He(8, 4, seed: 1).ToFlatArray(), layer.Weight.Value.ToFlatArray());
    }

    private sealed class ExplicitOnlyLayer : ILayer
    {
        public IReadOnlyList<Parameter> Parameters { get; } = [];

        public Tensor Forward(Tensor input) => input;

        public Tensor Backward(Tensor outputGradient) => outputGradient;
    }
}
