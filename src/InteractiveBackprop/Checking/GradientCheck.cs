using System.Globalization;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// Checks a layer's analytic gradients against central differences of the scalar loss
/// L = Σ (R ⊙ Y), where R is a seeded random tensor, so that dY = ∂L/∂Y = R.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Checks dX and each parameter's gradient of <paramref name="layer"/> at
    /// <paramref name="input"/>. The layer's parameters are perturbed in place and restored.
    /// </summary>
    /// <param name="layer">The layer to check.</param>
    /// <param name="input">The input X, one row per example.</param>
    /// <param name="options">Tolerances and the seed of dY; defaults when null.</param>
    /// <param name="subject">The name shown in the report; the layer's type name when null.</param>
    /// <exception cref="ArgumentException">The layer's Forward rejects the input.</exception>
    public static GradientCheckReport CheckLayer(
        ILayer layer, Tensor input, GradientCheckOptions? options = null, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        options ??= new GradientCheckOptions();

        var output = layer.Forward(input);
        // dY gets a seed of its own, so that it never equals an X drawn with the same seed: with
        // X = dY, Xᵀ·dY is symmetric and a transposed dW would go unnoticed.
        var upstream = Tensor.RandomUniform(
            output.Rows, output.Columns, unchecked(options.Seed * 7919 + 104729));
        var inputGradient = layer.Backward(upstream);

        // Keep the analytic gradients before any further pass can overwrite them.
        var analytic = new List<(string Name, Tensor Value, Tensor? Gradient)>
        {
            ("dX", input, inputGradient?.Clone()),
        };
        foreach (var parameter in layer.Parameters)
        {
            analytic.Add((parameter.GradientName, parameter.Value, parameter.Grad?.Clone()));
        }

        double Loss() => layer.Forward(input).Multiply(upstream).Sum();

        var results = new List<GradientResult>();
        foreach (var (name, value, gradient) in analytic)
        {
            var numeric = NumericGradient(value, Loss);
            results.Add(Compare(name, value.Shape, gradient, numeric, options));
        }

        return new GradientCheckReport(subject ?? layer.GetType().Name, results, options);
    }

    /// <summary>
    /// Estimates ∂loss/∂value by central differences, perturbing each element of
    /// <paramref name="value"/> in place and restoring it.
    /// </summary>
    internal static Tensor NumericGradient(Tensor value, Func<double> loss)
    {
        var gradient = Tensor.Zeros(value.Rows, value.Columns);
        var data = value.Data;
        for (int i = 0; i < data.Length; i++)
        {
            double original = data[i];
            double step = Step(original);
            data[i] = original + step;
            double plus = loss();
            data[i] = original - step;
            double minus = loss();
            data[i] = original;
            gradient.Data[i] = (plus - minus) / (2 * step);
        }

        return gradient;
    }

    // A step of about ε^(1/3)·max(1, |x|) balances the h² truncation error of the central
    // difference against its ε/h rounding error; a power of two keeps x ± h exact.
    private static double Step(double x)
    {
        double scale = Math.Max(1.0, Math.Abs(x));
        return Math.ScaleB(1.0, -17) * Math.Pow(2, Math.Ceiling(Math.Log2(scale)));
    }

    private static GradientResult Compare(
        string name, Shape expected, Tensor? analytic, Tensor numeric, GradientCheckOptions options)
    {
        if (analytic is null)
        {
            return new GradientResult(name, expected, null, null, numeric, double.NaN,
                double.NaN, false, $"{name} was not computed: Backward left it null.");
        }

        if (analytic.Shape != expected)
        {
            return new GradientResult(name, expected, analytic.Shape, analytic, numeric,
                double.NaN, double.NaN, false, string.Create(CultureInfo.InvariantCulture,
                    $"{name} has shape {analytic.Shape} but must have shape {expected}: a " +
                    $"gradient has the shape of the value it differentiates, so no numbers " +
                    $"can make it right."));
        }

        double maxAbsolute = 0;
        double maxRelative = 0;
        bool passed = true;
        var a = analytic.Span;
        var n = numeric.Span;
        for (int i = 0; i < a.Length; i++)
        {
            double error = Math.Abs(a[i] - n[i]);
            double scale = Math.Max(Math.Abs(a[i]), Math.Abs(n[i]));
            double relative = scale == 0 ? 0 : error / scale;
            if (!(error <= options.AbsoluteTolerance + options.RelativeTolerance * Math.Abs(n[i])))
            {
                passed = false;
            }

            // NaN errors must win the maximum, so compare with the negated condition.
            if (!(error <= maxAbsolute))
            {
                maxAbsolute = error;
            }

            if (!(relative <= maxRelative))
            {
                maxRelative = relative;
            }
        }

        string? problem = null;
        if (!passed)
        {
            problem = string.Create(CultureInfo.InvariantCulture,
                $"{name} differs from the central differences: max relative error " +
                $"{maxRelative:G3} exceeds the tolerance.");
        }

        return new GradientResult(name, expected, analytic.Shape, analytic, numeric,
            maxAbsolute, maxRelative, passed, problem);
    }
}
