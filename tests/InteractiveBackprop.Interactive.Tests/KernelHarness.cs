using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Tests;

/// <summary>
/// An in-process notebook with the extension loaded on the composite kernel, and the core's
/// namespaces imported, whose cells return what they showed as a <see cref="CellResult"/>.
/// </summary>
public sealed class KernelHarness : IDisposable
{
    private readonly KernelSession _session;

    private KernelHarness(KernelSession session)
    {
        _session = session;
    }

    public CompositeKernel Kernel => _session.Kernel;

    public CSharpKernel CSharp => _session.CSharp;

    public static async Task<KernelHarness> CreateAsync()
    {
        var harness = new KernelHarness(await KernelSession.StartAsync(loadOnComposite: true));
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

    public void Dispose() => _session.Dispose();

    private static string? Value(DisplayEvent display, string mimeType) =>
        display.FormattedValues.FirstOrDefault(value => value.MimeType == mimeType)?.Value;
}
