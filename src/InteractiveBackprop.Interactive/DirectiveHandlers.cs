using System.Globalization;
using InteractiveBackprop.Checking;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive;

/// <summary>Runs the magic commands: reads the options, calls the core through
/// <see cref="LayerRunner"/>, and shows the result or a diagnostic in the cell.</summary>
internal static class DirectiveHandlers
{
    private static readonly string[] MimeTypes =
        [HtmlFormatter.MimeType, Formatters.LatexMimeType, PlainTextFormatter.MimeType];

    public static async Task CheckAsync(
        Kernel kernel, BackpropCheckCommand command, KernelInvocationContext context)
    {
        const string name = BackpropDirectives.CheckName;
        if (BackpropDirectives.UnnamedText(command, name) is { } unnamed)
        {
            context.Fail(command, message: unnamed);
            return;
        }

        if (command.Forward is not null || command.Claim is not null)
        {
            await ClaimCheckHandler.CheckAsync(kernel, command, context);
            return;
        }

        DirectiveArguments? arguments = null;
        GradientCheckReport report;
        bool strict;
        string? scoreTo;
        try
        {
            arguments = DirectiveArguments.Read(command);
            var options = DirectiveArguments.ReadCheckOptions(command, arguments.Seed);
            strict = DirectiveValues.ReadFlag(command.Strict, "--strict");
            scoreTo = DirectiveValues.ReadIdentifier(command.ScoreTo, "--score-to");
            report = LayerRunner.Check(kernel, arguments, options);
        }
        catch (Exception error) when (Message(kernel, arguments, error) is { } message)
        {
            context.Fail(command, message: $"{name}: {message}");
            return;
        }

        context.Display(report, MimeTypes);
        if (scoreTo is not null && !await StoreReportAsync(kernel, command, context, scoreTo,
            report, typeof(GradientCheckReport)))
        {
            return;
        }

        if (strict && !report.Passed)
        {
            context.Fail(command, message: StrictFailure(report));
        }
    }

    /// <summary>Stores <paramref name="report"/> in the C# variable that <c>--score-to</c>
    /// names, or fails the cell and returns false when the notebook has no C# kernel.</summary>
    public static async Task<bool> StoreReportAsync(Kernel kernel, KernelCommand command,
        KernelInvocationContext context, string scoreTo, object report, Type reportType)
    {
        if (LayerResolver.FindCSharpKernel(kernel) is not { } csharp)
        {
            context.Fail(command, message: $"{BackpropDirectives.CheckName}: --score-to " +
                $"{scoreTo} needs a C# kernel to store the report in, but this notebook has none.");
            return false;
        }

        await csharp.SetValueAsync(scoreTo, report, reportType);
        return true;
    }

    public static Task TraceAsync(
        Kernel kernel, BackpropTraceCommand command, KernelInvocationContext context)
    {
        if (BackpropDirectives.UnnamedText(command, BackpropDirectives.TraceName) is { } unnamed)
        {
            context.Fail(command, message: unnamed);
            return Task.CompletedTask;
        }

        DirectiveArguments? arguments = null;
        BackpropTrace trace;
        try
        {
            arguments = DirectiveArguments.Read(command);
            trace = LayerRunner.Trace(kernel, arguments);
        }
        catch (Exception error) when (Message(kernel, arguments, error) is { } message)
        {
            context.Fail(command, message: $"{BackpropDirectives.TraceName}: {message}");
            return Task.CompletedTask;
        }

        context.Display(trace, MimeTypes);
        return Task.CompletedTask;
    }

    // Returns the message a user sees for an error of the options or of the layer, and null for
    // anything else, which is a bug of this extension and must surface as such.
    private static string? Message(Kernel kernel, DirectiveArguments? arguments, Exception error)
    {
        switch (error)
        {
            case DirectiveException:
                return error.Message;
            case LayerCallException call when arguments is not null:
                return call.Message + LayerRunner.Hint(call, arguments,
                    LayerRunner.InputShape(kernel, arguments));
            case InvalidOperationException when error.Message.Contains(".Forward returned null",
                StringComparison.Ordinal):
                return error.Message;
            default:
                return null;
        }
    }

    private static string StrictFailure(GradientCheckReport report)
    {
        var failures = report.Gradients
            .Where(gradient => !gradient.Passed)
            .Select(gradient => $"{gradient.Name}: {gradient.Problem}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{BackpropDirectives.CheckName} --strict: the gradient check of {report.Subject} " +
            $"failed with score {report.Score:0.00}. {string.Join(" ", failures)}");
    }
}
