using InteractiveBackprop.Symbolic;
using Microsoft.DotNet.Interactive;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// Checks a claimed gradient in a notebook cell, for a directive such as
/// <c>#!backprop-check --forward "Y = X W + b" --claim "dW = dY X" --shapes "..."</c>.
/// </summary>
public static class ClaimCheckHandler
{
    /// <summary>
    /// Checks <paramref name="claim"/> against the derivation of <paramref name="forward"/> and
    /// displays the verdict: shape, numbers, the derived formula and the difference. Invalid
    /// input fails the command with the position marked under the source.
    /// </summary>
    /// <param name="forward">The forward statements, for example <c>Y = X W + b</c>.</param>
    /// <param name="claim">The claimed gradient, for example <c>dW = dY X</c>.</param>
    /// <param name="shapes">The shape declarations, for example <c>X: B×N, W: N×M, b: 1×M</c>.</param>
    /// <param name="seed">The seed of the random instance.</param>
    /// <param name="context">The invocation context of the command being handled.</param>
    /// <param name="directive">The directive name that prefixes error messages.</param>
    public static Task HandleAsync(string? forward, string? claim, string? shapes, int seed,
        KernelInvocationContext context, string directive = "#!backprop-check")
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(forward) || string.IsNullOrWhiteSpace(claim))
        {
            context.Fail(context.Command, message: $"{directive}: checking a claim needs both " +
                "--forward and --claim, for example --forward \"Y = X W + b\" --claim \"dW = X' dY\" " +
                "--shapes \"X: B×N, W: N×M, b: 1×M\".");
            return Task.CompletedTask;
        }

        ClaimReport report;
        try
        {
            report = ClaimChecker.Check(forward, claim, shapes, seed);
        }
        catch (SymbolicException error)
        {
            context.Fail(context.Command, message: $"{directive}: {error.FormatWithCaret()}");
            return Task.CompletedTask;
        }

        DeriveDirective.Publish(context, report, report.ToHtml(), report.ToPlainText(), null);
        return Task.CompletedTask;
    }
}
