using System.Runtime.CompilerServices;
using Microsoft.DotNet.Interactive;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The .NET Interactive extension: registers the formatters for tensors, gradient-check reports
/// and pass traces, and the <c>#!backprop-check</c> and <c>#!backprop</c> magic commands. The
/// kernel finds it in the package's <c>interactive-extensions/dotnet</c> folder when a notebook
/// runs <c>#r "nuget: InteractiveBackprop.Interactive, ..."</c>.
/// </summary>
public sealed class BackpropKernelExtension : IKernelExtension
{
    /// <summary>The name of the gradient-check magic command.</summary>
    public const string CheckDirectiveName = BackpropDirectives.CheckName;

    /// <summary>The name of the forward-and-backward magic command.</summary>
    public const string TraceDirectiveName = BackpropDirectives.TraceName;

    // Kernels that already have the directives; loading the extension again must not add them
    // twice.
    private static readonly ConditionalWeakTable<Kernel, object> LoadedKernels = new();

    /// <summary>Registers the formatters and the magic commands on <paramref name="kernel"/>,
    /// and a middleware on it and on its root kernel that lists a command's options when a cell
    /// gives it an unknown one. Calling it again for the same kernel changes nothing.</summary>
    public Task OnLoadAsync(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        Formatters.Register();
        Charts.ChartRegistration.Register(kernel);
        if (LoadedKernels.TryAdd(kernel, new object()))
        {
            RegisterCheck(kernel);
            RegisterTrace(kernel);
            DeriveDirective.Register(kernel);
            UnknownOptionMiddleware.Register(kernel,
                [CheckDirectiveName, TraceDirectiveName, DeriveDirective.Name],
                new Dictionary<string, PositionalArgument>
                {
                    [DeriveDirective.Name] = DeriveDirective.Statements,
                });
        }

        return Task.CompletedTask;
    }

    private static void RegisterCheck(Kernel kernel) =>
        kernel.AddDirective<BackpropCheckCommand>(BackpropDirectives.Check(kernel),
            (command, context) => DirectiveHandlers.CheckAsync(kernel, command, context));

    private static void RegisterTrace(Kernel kernel) =>
        kernel.AddDirective<BackpropTraceCommand>(BackpropDirectives.Trace(kernel),
            (command, context) => DirectiveHandlers.TraceAsync(kernel, command, context));
}
