using System.Globalization;
using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;
using Microsoft.DotNet.Interactive;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// Turns parsed options into a call of the core: picks the layer (the bundled Linear or a C#
/// variable), draws the seeded batch and runs the check or the trace.
/// </summary>
internal static class LayerRunner
{
    // X, a loss head's prediction and its target draw from seeds offset from --seed, so that
    // they differ from the bundled layer's W, which Linear.Create draws from --seed itself.
    private const int InputSeedOffset = 1000;
    private const int TargetSeedOffset = 2000;

    /// <exception cref="DirectiveException">The options do not fit the layer.</exception>
    /// <exception cref="LayerCallException">The layer threw.</exception>
    /// <param name="kernel">The kernel whose C# variables <c>--layer</c> names.</param>
    /// <param name="arguments">The shared options.</param>
    /// <param name="options">The check's tolerances, mode and seed.</param>
    /// <param name="structure">Formulas known from elsewhere, such as a claimed formula, for the
    /// diagnosis; null to detect an affine layer.</param>
    public static GradientCheckReport Check(
        Kernel kernel, DirectiveArguments arguments, GradientCheckOptions options,
        IGradientStructure? structure = null)
    {
        var subject = Resolve(kernel, arguments);
        if (subject.Value is ILoss loss)
        {
            var prediction = Tensor.RandomUniform(arguments.Batch, arguments.Outputs,
                unchecked(arguments.Seed + InputSeedOffset), -2, 2);
            var target = OneHot(arguments.Batch, arguments.Outputs,
                unchecked(arguments.Seed + TargetSeedOffset));
            return GradientCheck.CheckLoss(loss, prediction, target, options,
                $"{subject.Name}, Y {prediction.Shape} against a one-hot target");
        }

        var (layer, input) = LayerAndInput(subject, arguments);
        return GradientCheck.CheckLayer(layer, input, options, Describe(subject, input),
            structure);
    }

    /// <exception cref="DirectiveException">The options do not fit the layer, or the variable
    /// is a loss head.</exception>
    /// <exception cref="LayerCallException">The layer threw.</exception>
    public static BackpropTrace Trace(Kernel kernel, DirectiveArguments arguments)
    {
        var subject = Resolve(kernel, arguments);
        if (subject.Value is not ILayer)
        {
            throw new DirectiveException(
                $"--layer {arguments.Layer}: '{arguments.Layer}' is a loss head (ILoss), and " +
                $"{BackpropDirectives.TraceName} shows a layer's pass. Check the loss head " +
                $"with {BackpropDirectives.CheckName} --layer {arguments.Layer}.");
        }

        var (layer, input) = LayerAndInput(subject, arguments);
        return BackpropTrace.Run(layer, input, arguments.Seed, Describe(subject, input));
    }

    /// <summary>The hint for an exception that the layer threw on the generated input.</summary>
    public static string Hint(LayerCallException error, DirectiveArguments arguments, Shape input)
    {
        if (error.InnerException is not TensorShapeException ||
            !error.Member.EndsWith(".Forward", StringComparison.Ordinal))
        {
            return "";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $" The input X had shape {input} (--batch {arguments.Batch}, --in " +
            $"{input.Columns}); set --in to the layer's input width.");
    }

    /// <summary>The shape of the X that <see cref="Check"/> draws, for messages.</summary>
    public static Shape InputShape(Kernel kernel, DirectiveArguments arguments)
    {
        var subject = Resolve(kernel, arguments);
        return new Shape(arguments.Batch, InputWidth(subject.Value as ILayer, arguments));
    }

    private static (string Name, object Value) Resolve(Kernel kernel, DirectiveArguments arguments)
    {
        if (arguments.Layer is null)
        {
            int inputs = arguments.Inputs ?? DirectiveArguments.DefaultInputs;
            string name = string.Create(CultureInfo.InvariantCulture,
                $"Linear [{inputs} → {arguments.Outputs}]");
            return (name, Linear.Create(inputs, arguments.Outputs, arguments.Seed));
        }

        var value = LayerResolver.Resolve(kernel, arguments.Layer);
        return ($"{arguments.Layer} ({value.GetType().Name})", value);
    }

    private static (ILayer Layer, Tensor Input) LayerAndInput(
        (string Name, object Value) subject, DirectiveArguments arguments)
    {
        var layer = (ILayer)subject.Value;
        int inputs = InputWidth(layer, arguments);
        var input = Tensor.RandomUniform(arguments.Batch, inputs,
            unchecked(arguments.Seed + InputSeedOffset));
        return (layer, input);
    }

    // A layer with parameters most often lists its weight [N,M] first; a layer without any
    // takes any width.
    private static int InputWidth(ILayer? layer, DirectiveArguments arguments) =>
        arguments.Inputs
        ?? (layer?.Parameters.Count > 0 ? layer.Parameters[0].Value.Rows : (int?)null)
        ?? DirectiveArguments.DefaultInputs;

    private static string Describe((string Name, object Value) subject, Tensor input) =>
        $"{subject.Name}, batch {input.Rows}";

    private static Tensor OneHot(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        var target = Tensor.Zeros(rows, classes);
        for (int i = 0; i < rows; i++)
        {
            target[i, random.Next(classes)] = 1;
        }

        return target;
    }
}
