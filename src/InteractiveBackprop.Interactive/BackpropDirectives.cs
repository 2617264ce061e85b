using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// Defines the magic commands and their options in one place. An option added here needs a
/// property of the same name on the command class and a line in <see cref="DirectiveArguments"/>.
/// </summary>
internal static class BackpropDirectives
{
    public const string CheckName = "#!backprop-check";

    public const string TraceName = "#!backprop";

    /// <summary>
    /// The parameter that captures text given without an option name, left out of completions
    /// and usages. Without it, .NET Interactive 1.0.0-beta.26120.1 drops such text silently
    /// from a command that has no parameter with an implicit name, so
    /// <c>#!backprop-check "dW = dY X"</c> would run the bundled layer check and pass.
    /// </summary>
    // TODO(directives): two unnamed texts, as in #!backprop-check "dW = dY X" "db = dY", still
    // bind to nothing and run the bundled check, and the kernel reports no diagnostic for them.
    public const string UnnamedParameter = "--unnamed";

    /// <summary>The values of <c>--mode</c>, the default first.</summary>
    public static readonly IReadOnlyList<string> Modes = ["full", "sampled", "directional"];

    public static KernelActionDirective Check(Kernel kernel)
    {
        var directive = new LayerActionDirective(CheckName,
            "Checks a layer's backward pass against central differences and names the mistake " +
            "when a gradient fails; with no --layer, the bundled Linear on seeded random data.");
        AddLayerParameters(directive, kernel);
        Add(directive, "--rtol", "The relative tolerance of the pass rule " +
            $"|analytic - numeric| ≤ atol + rtol·|numeric| (default " +
            $"{GradientCheckOptions.DefaultRelativeTolerance:0e0}).");
        Add(directive, "--atol", "The absolute tolerance of the pass rule (default " +
            $"{GradientCheckOptions.DefaultAbsoluteTolerance:0e0}).");
        Add(directive, "--samples", "The number of elements (sampled mode) or directions " +
            $"(directional mode) per gradient (default {GradientCheckOptions.DefaultSamples}).");
        directive.Parameters.Add(new KernelDirectiveParameter("--mode",
                "full compares every element, sampled a random subset, directional random " +
                "directional derivatives (default full).")
            .AddCompletions(() => Modes));
        directive.Parameters.Add(new KernelDirectiveParameter("--strict",
            "Fails the cell when the check fails or the claim is wrong, for grading.")
            { Flag = true });
        Add(directive, "--score-to", "The name of a C# variable that receives the report, for " +
            "grading in code: a GradientCheckReport for a layer, a ClaimReport for --claim.");
        Add(directive, "--forward", "Forward statements, such as \"Y = X W + b\", whose " +
            "derived gradient --claim is checked against instead of a layer.");
        Add(directive, "--claim", "A claimed gradient, such as \"dW = dY X\": its shape, its " +
            "numbers and how it differs from the derived one.");
        Add(directive, "--shapes", "Shapes of the names in --forward, such as " +
            "\"X: B×N, W: N×M, b: 1×M\" (inferred when absent).");
        return directive;
    }

    public static KernelActionDirective Trace(Kernel kernel)
    {
        var directive = new LayerActionDirective(TraceName,
            "Runs a layer forward and backward on a seeded batch and shows X, the parameters, " +
            "Y, dY and every gradient with its shape and formula.");
        AddLayerParameters(directive, kernel);
        return directive;
    }

    /// <summary>Returns the message for text that a cell of <paramref name="directive"/> gave
    /// without an option name, or null when it gave none.</summary>
    public static string? UnnamedText(LayerDirectiveCommand command, string directive)
    {
        if (DirectiveValues.ReadText(command.Unnamed) is not { } text)
        {
            return null;
        }

        string fix = directive == CheckName
            ? "To check a formula, write --forward \"Y = X W + b\" --claim \"dW = dY X\"; to " +
                "check a layer, write --layer NAME."
            : "To trace a layer, write --layer NAME; without it, the bundled Linear runs.";
        return $"{directive}: the text \"{text}\" has no option name. {fix}";
    }

    private static void AddLayerParameters(KernelActionDirective directive, Kernel kernel)
    {
        directive.Parameters.Add(new KernelDirectiveParameter(UnnamedParameter,
            "Text given without an option name, which these commands reject.")
            { AllowImplicitName = true });
        directive.Parameters.Add(new KernelDirectiveParameter("--layer",
                "The C# variable holding the layer (an ILayer) or loss head (an ILoss); the " +
                "bundled Linear when absent.")
            .AddCompletions(() => LayerVariables(kernel)));
        Add(directive, "--batch", $"The batch size B of the input X (default " +
            $"{DirectiveArguments.DefaultBatch}).");
        Add(directive, "--in", "The input width N (default: the row count of the layer's " +
            $"first parameter, or {DirectiveArguments.DefaultInputs} when it has none).");
        Add(directive, "--out", "The output width M of the bundled Linear, or the class count " +
            $"of a loss head (default {DirectiveArguments.DefaultOutputs}).");
        Add(directive, "--seed", "The seed of X, the bundled layer's W and b, and dY " +
            $"(default {DirectiveArguments.DefaultSeed}).");
    }

    private static void Add(KernelActionDirective directive, string name, string description) =>
        directive.Parameters.Add(new KernelDirectiveParameter(name, description));

    private static IEnumerable<string> LayerVariables(Kernel kernel) =>
        LayerResolver.FindCSharpKernel(kernel)?.ScriptState?.Variables
            .Where(variable => variable.Value is ILayer or ILoss)
            .Select(variable => variable.Name)
            .Distinct()
        ?? [];
}
