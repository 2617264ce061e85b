using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Autodiff;

public class BackwardTests
{
    [Fact]
    public void ValueUsedTwiceGetsBothContributions()
    {
        var x = new Variable(Tensor.Vector(3.0, -2.0), requiresGrad: true);

        (x * x + x).Sum().Backward();

        Assert.Equal([7.0, -3.0], x.Grad.ToFlatArray());
    }

    [Fact]
    public void SecondBackwardAfterReleaseThrows()
    {
        var x = new Variable(Tensor.Scalar(2.0), requiresGrad: true, name: "x");
        var loss = x.Square();
        loss.Backward();

        var error = Assert.Throws<InvalidOperationException>(() => loss.Backward());

        Assert.Equal(
            "Backward: the result of Square of shape [] was released by an earlier Backward(), " +
            "which frees the graph it traversed. Run the forward pass again to build a new " +
            "graph, or pass retainGraph: true to the first Backward to run it twice (the " +
            "gradients of both passes then add up).", error.Message);
        Assert.Equal(4.0, x.Grad.ToDouble());
    }

    [Fact]
    public void RetainedGraphAccumulatesSecondBackward()
    {
        var x = new Variable(Tensor.Scalar(2.0), requiresGrad: true);
        var loss = x.Square();

        loss.Backward(retainGraph: true);
        loss.Backward();

        Assert.Equal(8.0, x.Grad.ToDouble());
    }

    [Fact]
    public void ZeroGradRestartsAccumulation()
    {
        var x = new Variable(Tensor.Scalar(2.0), requiresGrad: true);
        x.Square().Backward();

        x.ZeroGrad();
        (x * 5.0).Backward();

        Assert.Equal(5.0, x.Grad.ToDouble());
    }

    [Fact]
    public void LongChainBackwardDoesNotOverflow()
    {
        var x = new Variable(Tensor.Scalar(1.0), requiresGrad: true);
        var y = x;
        for (int i = 0; i < 10_000; i++)
        {
            y = y * 1.0001;
        }

        y.Backward();

        Assert.Equal(Math.Pow(1.0001, 10_000), x.Grad.ToDouble(), 1e-9);
    }

    [Fact]
    public void NoGradScopeRecordsNothing()
    {
        var x = new Variable(Tensor.Scalar(2.0), requiresGrad: true);

        Variable y;
        using (Autograd.NoGrad())
        {
            Assert.False(Autograd.IsGradEnabled);
            y = x.Square();
        }

        Assert.True(Autograd.IsGradEnabled);
        Assert.False(y.RequiresGrad);
        Assert.Equal(4.0, y.Value.ToDouble());
        Assert.True(x.Square().RequiresGrad);
    }

    [Fact]
    public void BackwardOnMatrixExplainsReduction()
    {
        var x = new Variable(Tensor.Zeros(2, 3), requiresGrad: true, name: "Y");

        var error = Assert.Throws<InvalidOperationException>(() => (x * 2.0).Backward());

        Assert.Equal(
            "Backward: the result of Scale of shape [2,3] is not a scalar, so ∂L/∂L = 1 does " +
            "not define a gradient. Reduce it to a scalar loss first, for example with Sum() or " +
            "Mean(), or pass dY of shape [2,3] to Backward(outputGradient).", error.Message);
    }

    [Fact]
    public void BackwardWithSeedGivesVectorJacobianProduct()
    {
        var x = new Variable(Tensor.Row(1.0, 2.0), requiresGrad: true);

        (x * 3.0).Backward(Tensor.Row(10.0, 100.0));

        Assert.Equal([30.0, 300.0], x.Grad.ToFlatArray());
    }

    [Fact]
    public void BackwardSeedOfWrongShapeThrows()
    {
        var x = new Variable(Tensor.Row(1.0, 2.0), requiresGrad: true);

        var error = Assert.Throws<TensorShapeException>(() => x.Backward(Tensor.Row(1.0)));

        Assert.Equal(
            "Backward: dY has shape [1,1] but Y has shape [1,2]; dY = ∂L/∂Y must have the " +
            "shape of the variable that Backward starts from.", error.Message);
    }

    [Fact]
    public void GradBeforeBackwardExplainsWhatToDo()
    {
        var x = new Variable(Tensor.Scalar(1.0), requiresGrad: true, name: "x");
        var constant = new Variable(Tensor.Scalar(1.0), name: "c");

        var pending = Assert.Throws<InvalidOperationException>(() => x.Grad);
        var never = Assert.Throws<InvalidOperationException>(() => constant.Grad);

        Assert.Equal("Variable.Grad: x of shape [] has no gradient yet. Call Backward() on a " +
            "scalar computed from it first.", pending.Message);
        Assert.Equal("Variable.Grad: c of shape [] has no gradient yet. It was created with " +
            "requiresGrad: false or inside Autograd.NoGrad(), so no backward pass computes one; " +
            "create it with requiresGrad: true.", never.Message);
        Assert.False(x.HasGrad);
    }

    [Fact]
    public void BackwardWithoutTrackedInputThrows()
    {
        var c = new Variable(Tensor.Scalar(1.0));

        var error = Assert.Throws<InvalidOperationException>(() => c.Square().Backward());

        Assert.Equal("Backward: the result of Square of shape [] does not require a gradient, " +
            "because none of the variables it was computed from was created with requiresGrad: " +
            "true, or it was computed inside Autograd.NoGrad(). Create the inputs to " +
            "differentiate by with requiresGrad: true.", error.Message);
    }

    [Fact]
    public void IntermediateResultsKeepTheirGradient()
    {
        var x = new Variable(Tensor.Row(1.0, 2.0), requiresGrad: true);
        var hidden = x * 2.0;

        hidden.Square().Sum().Backward();

        Assert.Equal([4.0, 8.0], hidden.Grad.ToFlatArray());
        Assert.Equal([8.0, 16.0], x.Grad.ToFlatArray());
    }

    [Fact]
    public void BiasGradientIsColumnSumNotMean()
    {
        var x = new Variable(Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } }));
        var bias = new Variable(Tensor.Row(0.5, -0.5), requiresGrad: true);

        (x + bias).Sum().Backward();

        Assert.Equal([3.0, 3.0], bias.Grad.ToFlatArray());
        Assert.Equal(new Shape(1, 2), bias.Grad.Shape);
    }

    [Fact]
    public void ParameterVariableAddsToParameterGrad()
    {
        var parameter = new Parameter("w", Tensor.Row(2.0));

        parameter.AsVariable().Square().Sum().Backward();
        parameter.AsVariable().Square().Sum().Backward();

        Assert.Equal(8.0, parameter.Grad!.ToDouble());
    }

    [Fact]
    public void DetachedVariableStopsGradient()
    {
        var x = new Variable(Tensor.Scalar(3.0), requiresGrad: true);

        (x * x.Detach()).Backward();

        Assert.Equal(3.0, x.Grad.ToDouble());
    }
}
