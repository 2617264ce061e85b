using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive.Tests.Charts;

/// <summary>
/// An in-process CompositeKernel with a C# kernel that loaded the extension from a submission, as
/// <c>#r "nuget: ..."</c> does, so that the extension's load has a command to display its
/// plotly.js output on.
/// </summary>
internal sealed class ChartKernel : IDisposable
{
    private ChartKernel(CompositeKernel kernel) => Kernel = kernel;

    public CompositeKernel Kernel { get; }

    /// <summary>The events of the submission that loaded the extension.</summary>
    public IReadOnlyList<KernelEvent> LoadEvents { get; private set; } = [];

    public static async Task<ChartKernel> StartAsync()
    {
        var kernel = new CompositeKernel { new CSharpKernel() };
        kernel.DefaultKernelName = "csharp";
        var chartKernel = new ChartKernel(kernel);
        string assembly = typeof(BackpropKernelExtension).Assembly.Location;
        chartKernel.LoadEvents = await chartKernel.SubmitAsync(
            $"#r \"{assembly}\"\n" +
            "using InteractiveBackprop.Interactive.Charts;\n" +
            "await new InteractiveBackprop.Interactive.BackpropKernelExtension().OnLoadAsync(" +
            "Microsoft.DotNet.Interactive.KernelInvocationContext.Current.HandlingKernel.RootKernel);");
        return chartKernel;
    }

    /// <summary>Submits C# code, asserts that it succeeded, and returns its events.</summary>
    public async Task<IReadOnlyList<KernelEvent>> SubmitAsync(string code)
    {
        var result = await Kernel.SendAsync(new SubmitCode(code));
        var failure = result.Events.OfType<CommandFailed>().FirstOrDefault();
        Assert.True(failure is null, failure?.Message);
        return result.Events;
    }

    public void Dispose() => Kernel.Dispose();
}
