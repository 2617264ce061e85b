using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Layers;

public class LayerGradientTests
{
    public static TheoryData<int, int> Batches => new() { { 1, 1 }, { 1, 7 }, { 7, 1 }, { 5, 17 } };

    [Theory]
    [MemberData(nameof(Batches))]
    public void ActivationBackwardMatchesDifferences(int rows, int columns)
    {
        var input = Tensor.RandomUniform(rows, columns, seed: 1, low: -2, high: 2)
            .Map(x => x < 0 ? x - 0.1 : x + 0.1);
        foreach (var layer in new Activation[] { new ReLU(), new Tanh(), new Sigmoid() })
        {
            CheckExplicit(layer, input);
        }
    }

    [Theory]
    [MemberData(nameof(Batches))]
    public void LinearBackwardMatchesDifferences(int batch, int inputs)
    {
        var layer = Linear.Create(inputs, 3, seed: 2);

        CheckExplicit(layer, Tensor.RandomUniform(batch, inputs, seed: 3));
    }

    [Fact]
    public void SequentialBackwardMatchesGraphGradients()
    {
        var model = new Sequential(
            Linear.Create(4, 6, seed: 1), new Tanh(), Linear.Create(6, 3, seed: 2), new Sigmoid());
        var input = Tensor.RandomUniform(5, 4, seed: 3);
        var dY = Tensor.RandomUniform(5, 3, seed: 4);

        model.Forward(input);
        var explicitInput = model.Backward(dY);
        var explicitGradients = model.Parameters.Select(p => p.Grad!.Clone()).ToArray();
        foreach (var parameter in model.Parameters)
        {
            parameter.Grad = null;
        }

        var x = new Variable(input, requiresGrad: true);
        model.Forward(x).Backward(dY);

        GradientAssert.Close(explicitInput, x.Grad, "dX");
        for (int i = 0; i < explicitGradients.Length; i++)
        {
            GradientAssert.Close(explicitGradients[i], model.Parameters[i].Grad!, $"parameter {i}");
        }
    }

    [Fact]
    public void ExplicitBackwardOverwritesGradients()
    {
        var layer = Linear.Create(2, 2, seed: 1);
        var input = Tensor.RandomUniform(3, 2, seed: 2);
        var dY = Tensor.RandomUniform(3, 2, seed: 3);

        layer.Forward(input);
        layer.Backward(dY);
        var first = layer.Weight.Grad!.ToFlatArray();
        layer.Backward(dY);

        Assert.Equal(first, layer.Weight.Grad!.ToFlatArray());
    }

    private static void CheckExplicit(ILayer layer, Tensor input)
    {
        var output = layer.Forward(input);
        var dY = Tensor.RandomUniform(output.Shape, seed: 5);
        var inputGradient = layer.Backward(dY);
        var parameterGradients = layer.Parameters.Select(p => p.Grad!.Clone()).ToArray();
        double Loss() => layer.Forward(input).Multiply(dY).Sum();

        GradientAssert.Close(GradientAssert.Numeric(input, Loss), inputGradient, "dX");
        for (int i = 0; i < parameterGradients.Length; i++)
        {
            var numeric = GradientAssert.Numeric(layer.Parameters[i].Value, Loss);
            GradientAssert.Close(numeric, parameterGradients[i], layer.Parameters[i].GradientName);
        }
    }
}
