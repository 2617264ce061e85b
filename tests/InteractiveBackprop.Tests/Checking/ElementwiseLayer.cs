using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Checking;

/// <summary>
/// An activation without parameters, Y = f(X) element by element, whose Backward multiplies dY
/// by the derivative it is given, right or deliberately wrong.
/// </summary>
public sealed class ElementwiseLayer(
    string name, Func<double, double> function, Func<double, double> derivative) : ILayer
{
    private Tensor? _input;

    public static ElementwiseLayer Tanh() =>
        new("Tanh", Math.Tanh, x => 1 - Math.Tanh(x) * Math.Tanh(x));

    public static ElementwiseLayer Sigmoid() =>
        new("Sigmoid", Logistic, x => Logistic(x) * (1 - Logistic(x)));

    public static ElementwiseLayer Relu() =>
        new("ReLU", x => Math.Max(0, x), x => x > 0 ? 1 : 0);

    /// <summary>A sigmoid whose derivative omits the factor (1 - σ): a wrong formula no
    /// constant explains.</summary>
    public static ElementwiseLayer SigmoidMissingFactor() =>
        new("Sigmoid", Logistic, Logistic);

    public string Name { get; } = name;

    public IReadOnlyList<Parameter> Parameters { get; } = [];

    public Tensor Forward(Tensor input)
    {
        _input = input;
        return input.Map(function);
    }

    public Tensor Backward(Tensor outputGradient) =>
        outputGradient.Multiply(_input!.Map(derivative));

    public override string ToString() => Name;

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
