using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// Replaces the kernel's message for an unknown option of this extension's magic commands, such
/// as "(1,18): error DNI103: Unrecognized parameter name '--frobnicate'", with one from
/// <see cref="UnknownOptionMessage"/> that lists the command's registered options. Cells whose
/// unknown option belongs to another directive keep the kernel's message.
/// </summary>
/// <remarks>
/// In .NET Interactive 1.0.0-beta.26120.1 the directive parser rejects an unknown option name
/// before any handler of ours runs, and no parameter can capture unmatched names. The kernel
/// then replaces the cell's commands with one command, which publishes
/// <see cref="DiagnosticsProduced"/> and only then fails the cell. This middleware observes the
/// events of every command that passes it, and on that event fails the cell with the new
/// message first. The kernel's own failure comes second, finds the cell complete and is
/// dropped. The <see cref="DiagnosticsProduced"/> event itself keeps the kernel's text.
/// NOTE: this depends on that order inside the kernel. A version that fails the cell before it
/// publishes the diagnostics shows the kernel's message again, and UnknownOptionTests fail.
/// </remarks>
internal static class UnknownOptionMiddleware
{
    // The id the directive parser gives an unrecognized parameter name.
    private const string UnknownParameterId = "DNI103";

    /// <summary>Adds the middleware to <paramref name="kernel"/> and to its root kernel, for the
    /// magic commands named in <paramref name="directiveNames"/> that
    /// <paramref name="kernel"/> registers.</summary>
    public static void Register(Kernel kernel, IReadOnlyList<string> directiveNames)
    {
        KernelCommandPipelineMiddleware middleware = (command, context, next) =>
            ObserveAsync(kernel, directiveNames, command, context, next);
        kernel.AddMiddleware(middleware);

        // A cell sent to the composite kernel is parsed and rejected there, so the rejection
        // never reaches the pipeline of the child kernel that registers the directives.
        if (kernel.RootKernel is { } root && !ReferenceEquals(root, kernel))
        {
            root.AddMiddleware(middleware);
        }
    }

    private static async Task ObserveAsync(Kernel kernel, IReadOnlyList<string> directiveNames,
        KernelCommand command, KernelInvocationContext context, KernelPipelineContinuation next)
    {
        // A complete context publishes nothing more, so there is nothing to observe.
        if (context.IsComplete)
        {
            await next(command, context);
            return;
        }

        using var subscription = context.KernelEvents.Subscribe(kernelEvent =>
        {
            if (kernelEvent is DiagnosticsProduced produced)
            {
                ReplaceFailure(kernel, directiveNames, produced, context);
            }
        });
        await next(command, context);
    }

    private static void ReplaceFailure(Kernel kernel, IReadOnlyList<string> directiveNames,
        DiagnosticsProduced produced, KernelInvocationContext context)
    {
        if (context.IsComplete || produced.Command is not SubmitCode cell)
        {
            return;
        }

        string[] lines = cell.Code.Split('\n');
        var diagnostics = produced.Diagnostics.ToList();
        var messages = diagnostics
            .Select(diagnostic => Message(kernel, directiveNames, diagnostic, lines))
            .ToList();
        if (messages.All(message => message is null))
        {
            return;
        }

        var text = diagnostics.Zip(messages, (diagnostic, message) =>
            message ?? KernelText(diagnostic));
        context.Fail(cell, message: string.Join("\n", text));
    }

    // Returns the new message for an unknown option of one of our directives, and null for any
    // other diagnostic.
    private static string? Message(Kernel kernel, IReadOnlyList<string> directiveNames,
        Diagnostic diagnostic, string[] lines)
    {
        var start = diagnostic.LinePositionSpan.Start;
        var end = diagnostic.LinePositionSpan.End;
        if (diagnostic.Code != UnknownParameterId || start.Line >= lines.Length ||
            end.Line != start.Line)
        {
            return null;
        }

        // The parser reads a directive from the start of a line to its end, and the span of the
        // diagnostic covers the option name.
        string line = lines[start.Line].TrimEnd('\r');
        if (end.Character > line.Length || start.Character >= end.Character)
        {
            return null;
        }

        string option = line[start.Character..end.Character].Trim();
        string name = line.Split([' ', '\t'], 2)[0];
        if (!directiveNames.Contains(name) || Find(kernel, name) is not { } directive)
        {
            return null;
        }

        var others = directiveNames
            .Where(other => other != name &&
                Find(kernel, other)?.Parameters.Any(parameter => parameter.Name == option) == true)
            .ToList();
        return UnknownOptionMessage.Format(name, option, OptionNames(directive), others);
    }

    private static KernelActionDirective? Find(Kernel kernel, string name) =>
        kernel.KernelInfo.SupportedDirectives
            .OfType<KernelActionDirective>()
            .FirstOrDefault(directive => directive.Name == name);

    private static List<string> OptionNames(KernelActionDirective directive) =>
        directive.Parameters.Select(parameter => parameter.Name).ToList();

    // The form of the kernel's own message, "(1,18): error DNI103: ...", with 1-based positions.
    private static string KernelText(Diagnostic diagnostic) =>
        string.Create(CultureInfo.InvariantCulture,
            $"({diagnostic.LinePositionSpan.Start.Line + 1}," +
            $"{diagnostic.LinePositionSpan.Start.Character + 1}): " +
            $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: " +
            $"{diagnostic.Message}");
}
