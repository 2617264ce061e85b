using System.Globalization;
using InteractiveBackprop.Autodiff;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests;

/// <summary>Compares analytic gradients with central differences.</summary>
internal static class GradientAssert
{
    // Central differences with a step near ε^(1/3) have truncation and rounding errors of
    // about 1e-10 relative to the loss; 1e-6 relative with a 1e-7 floor is far above both and
    // far below the error of any wrong formula.
    public static readonly Tolerance CentralDifference = new("central difference", 1e-6, 1e-7);

    /// <summary>
    /// Checks the graph gradients of <paramref name="function"/> at <paramref name="inputs"/>:
    /// L = Σ R ⊙ f(inputs) with a seeded random R, so that every element of the output matters.
    /// </summary>
    public static void Graph(Func<Variable[], Variable> function, params Tensor[] inputs)
    {
        var variables = inputs.Select(t => new Variable(t.Clone(), requiresGrad: true)).ToArray();
        var output = function(variables);
        var weights = Tensor.RandomUniform(output.Shape, seed: 99);
        output.Multiply(new Variable(weights)).Sum().Backward();

        for (int i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i].Clone();
            var constants = inputs.Select(t => t.Clone()).ToArray();
            constants[i] = input;
            double Loss()
            {
                using var scope = Autograd.NoGrad();
                return function(constants.Select(t => new Variable(t)).ToArray())
                    .Value.Multiply(weights).Sum();
            }

            Close(Numeric(input, Loss), variables[i].Grad, $"input {i}");
        }
    }

    /// <summary>Estimates ∂loss/∂value by central differences, perturbing
    /// <paramref name="value"/> in place and restoring it.</summary>
    public static Tensor Numeric(Tensor value, Func<double> loss)
    {
        var gradient = Tensor.Zeros(value.Shape);
        var data = value.Data;
        for (int i = 0; i < data.Length; i++)
        {
            double original = data[i];
            // A power of two keeps x ± h exact.
            double step = Math.ScaleB(1.0, -17) * Math.Max(1.0, Math.Abs(original));
            data[i] = original + step;
            double plus = loss();
            data[i] = original - step;
            double minus = loss();
            data[i] = original;
            gradient.Data[i] = (plus - minus) / (2 * step);
        }

        return gradient;
    }

    public static void Close(Tensor expected, Tensor actual, string name)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        int index = actual.FirstDifference(expected, CentralDifference);
        Assert.True(index < 0, index < 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{name}: element {index} is {actual.Span[index]:R} but central differences give " +
            $"{expected.Span[index]:R} ({CentralDifference})"));
    }
}
