using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Layers;

public sealed class LinearLayerTests
{
    private static readonly Tensor X = Tensor.FromArray(new double[,]
    {
        { 1.0, 2.0, -1.0 },
        { 0.5, -1.5, 2.0 },
    });

    private static readonly Tensor W = Tensor.FromArray(new double[,]
    {
        { 0.2, -0.5 },
        { 0.1, 0.4 },
        { -0.3, 0.25 },
    });

    [Fact]
    public void ForwardComputesAffineMap()
    {
        var layer = new Linear(W, Tensor.Row(0.1, -0.2));

        var y = layer.Forward(X);

        // Row 0: 1·0.2 + 2·0.1 + (-1)·(-0.3) + 0.1 = 0.8; 1·(-0.5) + 2·0.4 + (-1)·0.25 - 0.2 = -0.15.
        Assert.Equal(0.8, y[0, 0], 12);
        Assert.Equal(-0.15, y[0, 1], 12);
        Assert.Equal(0.5 * 0.2 - 1.5 * 0.1 + 2 * -0.3 + 0.1, y[1, 0], 12);
    }

    [Fact]
    public void BackwardUsesTransposedProducts()
    {
        var layer = new Linear(W, Tensor.Row(0.1, -0.2));
        var dY = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        layer.Forward(X);

        var dX = layer.Backward(dY);

        // dX = dY·Wᵀ: row 0 = [1·0.2 + 2·(-0.5), 1·0.1 + 2·0.4, 1·(-0.3) + 2·0.25].
        Assert.Equal(new Shape(2, 3), dX.Shape);
        Assert.Equal(-0.8, dX[0, 0], 12);
        Assert.Equal(0.9, dX[0, 1], 12);
        Assert.Equal(0.2, dX[0, 2], 12);
        // dW = Xᵀ·dY: entry (0,0) = 1·1 + 0.5·3.
        var dW = layer.Weight.Grad!;
        Assert.Equal(new Shape(3, 2), dW.Shape);
        Assert.Equal(2.5, dW[0, 0], 12);
        Assert.Equal(2 * 2 + -1.5 * 4, dW[1, 1], 12);
        // db sums dY over the batch rather than averaging it.
        Assert.Equal(new[] { 4.0, 6.0 }, layer.Bias.Grad!.Span.ToArray());
    }

    [Fact]
    public void BackwardOverwritesEarlierGradients()
    {
        var layer = new Linear(W, Tensor.Row(0, 0));
        var dY = Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 } });
        layer.Forward(X);
        layer.Backward(dY);

        layer.Backward(dY);

        Assert.Equal(new[] { 4.0, 6.0 }, layer.Bias.Grad!.Span.ToArray());
    }

    [Fact]
    public void BackwardBeforeForwardExplainsOrder()
    {
        var layer = Linear.Create(3, 2, seed: 1);

        var error = Assert.Throws<InvalidOperationException>(
            () => layer.Backward(Tensor.Zeros(2, 2)));

        Assert.Contains("call Forward(X) first", error.Message);
    }

    [Fact]
    public void BackwardRejectsGradientOfWrongShape()
    {
        var layer = Linear.Create(3, 2, seed: 1);
        layer.Forward(X);

        var error = Assert.Throws<TensorShapeException>(() => layer.Backward(Tensor.Zeros(2, 3)));

        Assert.Contains("dY has shape [2,3]", error.Message);
        Assert.Contains("[2,2]", error.Message);
    }

    [Fact]
    public void ConstructorRejectsBiasOfWrongShape()
    {
        var error = Assert.Throws<TensorShapeException>(() => new Linear(W, Tensor.Row(1, 2, 3)));

        Assert.Contains("needs a bias of shape [1,2]", error.Message);
    }
}
