using InteractiveBackprop.Interactive;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Tests;

/// <summary>
/// An in-process notebook: a composite kernel with a C# kernel that references the core, with
/// the extension loaded as a notebook would load it.
/// </summary>
public sealed class KernelHarness : IDisposable
{
    private KernelHarness(CompositeKernel kernel, CSharpKernel csharp)
    {
        Kernel = kernel;
        CSharp = csharp;
    }

    public CompositeKernel Kernel { get; }

    public CSharpKernel CSharp { get; }

    public static async Task<KernelHarness> CreateAsync()
    {
        var csharp = new CSharpKernel();
        csharp.AddAssemblyReferences([typeof(Tensors.Tensor).Assembly.Location]);
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        await new BackpropKernelExtension().OnLoadAsync(kernel);
        var harness = new KernelHarness(kernel, csharp);
        var result = await harness.SubmitAsync(
            "using InteractiveBackprop.Layers; using InteractiveBackprop.Tensors; " +
            "using InteractiveBackprop.Checking;");
        Assert.Null(result.Failure);
        return harness;
    }

    public async Task<CellResult> SubmitAsync(string code)
    {
        var result = await Kernel.SendAsync(new SubmitCode(code));
        var displays = result.Events.OfType<DisplayEvent>()
            .Where(display => display is not ReturnValueProduced)
            .ToList();
        var failure = result.Events.OfType<CommandFailed>().SingleOrDefault();
        return new CellResult(
            displays.Select(display => Value(display, PlainTextFormatter.MimeType)).ToList(),
            displays.Select(display => Value(display, HtmlFormatter.MimeType)).ToList(),
            displays.Select(display => Value(display, Formatters.LatexMimeType)).ToList(),
            failure?.Message);
    }

    public void Dispose() => Kernel.Dispose();

    private static string? Value(DisplayEvent display, string mimeType) =>
        display.FormattedValues.FirstOrDefault(value => value.MimeType == mimeType)?.Value;
}
