using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// A forward and backward pass of a layer on one batch, every tensor with its shape and the
/// formula that produced it: X and the parameters, Y, a seeded random dY, then dX and each
/// parameter's gradient.
/// </summary>
/// <param name="Subject">What ran, for example <c>Linear, X [5,3]</c>.</param>
/// <param name="Entries">The tensors in the order the pass produced them.</param>
/// <param name="Structure">The layer's known structure, such as <c>affine Y = X·W + b</c>, or
/// <see langword="null"/> when its formulas are not known.</param>
public sealed record BackpropTrace(
    string Subject, IReadOnlyList<TraceEntry> Entries, string? Structure)
{
    /// <summary>
    /// Runs <paramref name="layer"/> forward on <paramref name="input"/> and backward on a dY
    /// drawn uniformly from [-1, 1) as a gradient check with <paramref name="seed"/> draws it,
    /// the dY of the loss
    /// L = Σ dY ⊙ Y. For an affine layer the formulas are the derived ones (dW = Xᵀ·dY);
    /// otherwise they name the call that produced each tensor.
    /// </summary>
    /// <exception cref="LayerCallException">The layer's Forward or Backward threw.</exception>
    /// <exception cref="InvalidOperationException">Forward returned null.</exception>
    public static BackpropTrace Run(ILayer layer, Tensor input, int seed, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        string type = layer.GetType().Name;
        var output = Call($"{type}.Forward", () => layer.Forward(input))
            ?? throw new InvalidOperationException(
                $"{type}.Forward returned null; it must return the output Y.");
        var upstream = GradientCheck.Upstream(output.Shape, seed);
        var inputGradient = Call($"{type}.Backward", () => layer.Backward(upstream));
        var affine = AffineStructure.TryDetect(layer, input, output, upstream);

        var entries = new List<TraceEntry>
        {
            new("X", input, "the input batch, one row per example", "X"),
        };
        foreach (var parameter in layer.Parameters)
        {
            entries.Add(new TraceEntry(parameter.Name, parameter.Value, "a parameter",
                parameter.Name));
        }

        var forward = affine?.Forward ?? ($"{type}.Forward(X)", $@"\mathrm{{{type}}}(X)");
        entries.Add(new TraceEntry("Y", output, $"Y = {forward.Text}", $"Y = {forward.Latex}"));
        entries.Add(new TraceEntry("dY", upstream,
            "dY = ∂L/∂Y, seeded random, as if L = Σ dY ⊙ Y",
            @"\frac{\partial L}{\partial Y} \sim U[-1, 1)"));
        entries.Add(Gradient("dX", inputGradient, affine, type));
        foreach (var parameter in layer.Parameters)
        {
            entries.Add(Gradient(parameter.GradientName, parameter.Grad, affine, type));
        }

        return new BackpropTrace(subject ?? $"{type}, X {input.Shape}", entries,
            affine?.Description);
    }

    private static TraceEntry Gradient(
        string name, Tensor? value, AffineStructure? affine, string type)
    {
        string valueName = name[1..];
        if (affine?.FormulaOf(name) is { } formula)
        {
            return new TraceEntry(name, value, $"{name} = {formula.Text}",
                $@"\frac{{\partial L}}{{\partial {valueName}}} = {formula.Latex}");
        }

        return new TraceEntry(name, value, $"{name} from {type}.Backward(dY)",
            $@"\frac{{\partial L}}{{\partial {valueName}}} = \mathrm{{{type}.Backward}}(\ldots)");
    }

    private static T Call<T>(string member, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception error)
        {
            throw new LayerCallException(member, error);
        }
    }
}
