using System.Globalization;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// Replaces the kernel's message for an unknown option of this extension's magic commands, such
/// as "(1,18): error DNI103: Unrecognized parameter name '--frobnicate'", with one from
/// <see cref="UnknownOptionMessage"/> that lists the command's registered options, and the
/// kernel's message for a missing argument that takes no option name, such as "(1,1): error
/// DNI104: Missing required parameter '--expression'", with the command's own. Cells whose
/// diagnostics belong to another directive keep the kernel's messages.
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
    // The ids the directive parser gives an unrecognized parameter name and a missing required
    // parameter.
    private const string UnknownParameterId = "DNI103";

    private const string MissingParameterId = "DNI104";

    /// <summary>Adds the middleware to <paramref name="kernel"/> and to its root kernel, for the
    /// magic commands named in <paramref name="directiveNames"/> that
    /// <paramref name="kernel"/> registers.</summary>
    /// <param name="kernel">The kernel that registers the magic commands.</param>
    /// <param name="directiveNames">The magic commands whose messages are replaced.</param>
    /// <param name="positionalArguments">By magic command, how messages show its argument that
    /// takes no option name; a command without an entry shows the parameter's name in capitals
    /// and keeps the kernel's message when the argument is missing.</param>
    public static void Register(Kernel kernel, IReadOnlyList<string> directiveNames,
        IReadOnlyDictionary<string, PositionalArgument> positionalArguments)
    {
        var directives = new DirectiveCatalog(kernel, directiveNames, positionalArguments);
        KernelCommandPipelineMiddleware middleware = (command, context, next) =>
            ObserveAsync(directives, command, context, next);
        kernel.AddMiddleware(middleware);

        // A cell sent to the composite kernel is parsed and rejected there, so the rejection
        // never reaches the pipeline of the child kernel that registers the directives.
        if (kernel.RootKernel is { } root && !ReferenceEquals(root, kernel))
        {
            root.AddMiddleware(middleware);
        }
    }

    private static async Task ObserveAsync(DirectiveCatalog directives, KernelCommand command,
        KernelInvocationContext context, KernelPipelineContinuation next)
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
                ReplaceFailure(directives, produced, context);
            }
        });
        await next(command, context);
    }

    private static void ReplaceFailure(DirectiveCatalog directives, DiagnosticsProduced produced,
        KernelInvocationContext context)
    {
        if (context.IsComplete || produced.Command is not SubmitCode cell)
        {
            return;
        }

        string[] lines = cell.Code.Split('\n');
        var diagnostics = produced.Diagnostics.ToList();
        var messages = diagnostics
            .Select(diagnostic => Message(directives, diagnostic, lines))
            .ToList();
        if (messages.All(message => message is null))
        {
            return;
        }

        var text = diagnostics.Zip(messages, (diagnostic, message) =>
            message ?? KernelText(diagnostic));
        context.Fail(cell, message: string.Join("\n", text));
    }

    // Returns the new message for an unknown option or a missing positional argument of one of
    // our directives, and null for any other diagnostic.
    private static string? Message(
        DirectiveCatalog directives, Diagnostic diagnostic, string[] lines)
    {
        int row = diagnostic.LinePositionSpan.Start.Line;
        if (row >= lines.Length)
        {
            return null;
        }

        // The parser reads a directive from the start of a line to its end.
        string line = lines[row].TrimEnd('\r');
        string name = line.Split([' ', '\t'], 2)[0];
        if (directives.Find(name) is not { } directive)
        {
            return null;
        }

        return diagnostic.Code switch
        {
            UnknownParameterId => UnknownOption(directives, directive, diagnostic, line),
            MissingParameterId => MissingArgument(directives, directive, diagnostic),
            _ => null,
        };
    }

    private static string? UnknownOption(DirectiveCatalog directives,
        KernelActionDirective directive, Diagnostic diagnostic, string line)
    {
        // The span of the diagnostic covers the option name.
        var start = diagnostic.LinePositionSpan.Start;
        var end = diagnostic.LinePositionSpan.End;
        if (end.Line != start.Line || end.Character > line.Length ||
            start.Character >= end.Character)
        {
            return null;
        }

        string option = line[start.Character..end.Character].Trim();
        var others = directives.Names
            .Where(other => other != directive.Name)
            .Where(other => directives.Find(other)?.Parameters
                .Any(parameter => parameter.Name == option) == true)
            .ToList();
        var options = directive.Parameters
            .Where(parameter => !parameter.AllowImplicitName)
            .Select(parameter => parameter.Name)
            .ToList();
        return UnknownOptionMessage.Format(directive.Name, option, options, others,
            directives.PositionalUsage(directive));
    }

    // The kernel's message names the parameter in quotes, "Missing required parameter
    // '--expression'", which is the only place the diagnostic names it.
    private static string? MissingArgument(DirectiveCatalog directives,
        KernelActionDirective directive, Diagnostic diagnostic)
    {
        bool positionalMissing = directive.Parameters.Any(parameter =>
            parameter.AllowImplicitName &&
            diagnostic.Message.Contains($"'{parameter.Name}'", StringComparison.Ordinal));
        return positionalMissing && directives.Positional(directive) is { } positional
            ? $"{directive.Name}: {positional.MissingMessage}"
            : null;
    }

    // The form of the kernel's own message, "(1,18): error DNI103: ...", with 1-based positions.
    private static string KernelText(Diagnostic diagnostic) =>
        string.Create(CultureInfo.InvariantCulture,
            $"({diagnostic.LinePositionSpan.Start.Line + 1}," +
            $"{diagnostic.LinePositionSpan.Start.Character + 1}): " +
            $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: " +
            $"{diagnostic.Message}");
}
