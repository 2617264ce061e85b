using System.Runtime.CompilerServices;
using InteractiveBackprop.Checking;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Rendering;
using InteractiveBackprop.Tensors;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The .NET Interactive extension: registers the formatters for tensors and gradient-check reports
/// and the <c>#!backprop-check</c> magic command. The kernel finds it in the package's
/// <c>interactive-extensions/dotnet</c> folder when a notebook runs
/// <c>#r "nuget: InteractiveBackprop.Interactive, ..."</c>.
/// </summary>
public sealed class BackpropKernelExtension : IKernelExtension
{
    /// <summary>The name of the gradient-check magic command.</summary>
    public const string CheckDirectiveName = "#!backprop-check";

    // Kernels that already have the directive; loading the extension again must not add it twice.
    private static readonly ConditionalWeakTable<Kernel, object> LoadedKernels = new();

    /// <summary>Registers the formatters and the magic commands on <paramref name="kernel"/>.
    /// Calling it again for the same kernel changes nothing.</summary>
    public Task OnLoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Formatters.Register();
        Charts.ChartRegistration.Register(kernel);
        if (!LoadedKernels.TryAdd(kernel, new object()))
        {
            return Task.CompletedTask;
        }

        var check = new KernelActionDirective(CheckDirectiveName,
            "Checks a layer's backward pass against central differences; with no options, the " +
            "bundled Linear layer on seeded random data.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--batch", "The batch size B of the input X (default 4)."),
                new KernelDirectiveParameter("--in", "The input width N (default 3)."),
                new KernelDirectiveParameter("--out", "The output width M (default 2)."),
                new KernelDirectiveParameter("--seed", "The seed of X, W, b and dY (default 1)."),
            },
        };
        kernel.AddDirective<BackpropCheckCommand>(check, RunCheckAsync);
        DeriveDirective.Register(kernel);
        return Task.CompletedTask;
    }

    private static Task RunCheckAsync(BackpropCheckCommand command, KernelInvocationContext context)
    {
        GradientCheckReport report;
        try
        {
            int batch = DirectiveValues.ReadInteger(command.Batch, "--batch", 4, 1);
            int inputs = DirectiveValues.ReadInteger(command.In, "--in", 3, 1);
            int outputs = DirectiveValues.ReadInteger(command.Out, "--out", 2, 1);
            int seed = DirectiveValues.ReadInteger(command.Seed, "--seed", 1, int.MinValue);
            var layer = Linear.Create(inputs, outputs, seed);
            var input = Tensor.RandomUniform(batch, inputs, unchecked(seed + 1000));
            report = GradientCheck.CheckLayer(layer, input, new GradientCheckOptions { Seed = seed },
                $"Linear [{inputs} → {outputs}], batch {batch}");
        }
        catch (DirectiveException error)
        {
            context.Fail(command, message: $"{CheckDirectiveName}: {error.Message}");
            return Task.CompletedTask;
        }

        context.Display(report, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        return Task.CompletedTask;
    }
}
