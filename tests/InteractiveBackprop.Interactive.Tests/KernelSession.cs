using InteractiveBackprop.Interactive;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive.Tests;

/// <summary>An in-process composite kernel with a C# kernel and the extension loaded.</summary>
internal sealed class KernelSession : IDisposable
{
    private KernelSession(CompositeKernel kernel, CSharpKernel csharp)
    {
        Kernel = kernel;
        CSharp = csharp;
    }

    public CompositeKernel Kernel { get; }

    public CSharpKernel CSharp { get; }

    /// <summary>Starts the kernels and loads the extension on the C# kernel, or on the
    /// composite kernel when <paramref name="loadOnComposite"/> is set.</summary>
    public static async Task<KernelSession> StartAsync(bool loadOnComposite = false)
    {
        var csharp = new CSharpKernel();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;
        await new BackpropKernelExtension().OnLoadAsync(loadOnComposite ? kernel : csharp);

        // The core's types must be visible to submitted code, as after #r in a notebook.
        await kernel.SendAsync(new SubmitCode(
            $"#r \"{typeof(InteractiveBackprop.Tensors.Tensor).Assembly.Location}\""));
        return new KernelSession(kernel, csharp);
    }

    public async Task<KernelCommandResult> SubmitAsync(string code) =>
        await Kernel.SendAsync(new SubmitCode(code));

    public void Dispose() => Kernel.Dispose();

    /// <summary>The formatted values of every display and return value, by MIME type.</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Displays(
        KernelCommandResult result) =>
        result.Events.OfType<DisplayEvent>()
            .Select(e => (IReadOnlyDictionary<string, string>)e.FormattedValues
                .ToDictionary(v => v.MimeType, v => v.Value))
            .ToList();

    public static string? FailureMessage(KernelCommandResult result) =>
        result.Events.OfType<CommandFailed>().FirstOrDefault()?.Message;
}
