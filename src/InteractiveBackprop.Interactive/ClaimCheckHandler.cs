using System.Globalization;
using System.Text.Json;
using InteractiveBackprop.Symbolic;
using Microsoft.DotNet.Interactive;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// Checks a claimed gradient in a notebook cell, for a directive such as
/// <c>#!backprop-check --forward "Y = X W + b" --claim "dW = dY X" --shapes "..."</c>.
/// </summary>
public static class ClaimCheckHandler
{
    private const string Sizes = "takes its sizes from --shapes, such as --shapes " +
        "\"X: 5×3, W: 3×4\"";

    // ClaimChecker compares every element at NumericCheckResult's tolerances and has no mode.
    private static readonly string Comparison = string.Create(CultureInfo.InvariantCulture,
        $"compares every element of the claim with central differences at the fixed " +
        $"tolerances rtol {NumericCheckResult.RelativeTolerance:0e0} and atol " +
        $"{NumericCheckResult.AbsoluteTolerance:0e0}");

    // The options of a layer check that a claim check has no use for, and what it does instead.
    private static readonly (string Option, Func<BackpropCheckCommand, JsonElement?> Value,
        string Instead)[] LayerOptions =
    [
        ("--batch", command => command.Batch, Sizes),
        ("--in", command => command.In, Sizes),
        ("--out", command => command.Out, Sizes),
        ("--rtol", command => command.Rtol, Comparison),
        ("--atol", command => command.Atol, Comparison),
        ("--samples", command => command.Samples, Comparison),
        ("--mode", command => command.Mode, Comparison),
    ];

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
        Display(forward, claim, shapes, seed, context, directive);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs <c>#!backprop-check --forward ... --claim ...</c>: rejects the layer check's options,
    /// displays the verdict, stores it in the <c>--score-to</c> variable, and with
    /// <c>--strict</c> fails the cell when the claim is wrong.
    /// </summary>
    internal static async Task CheckAsync(
        Kernel kernel, BackpropCheckCommand command, KernelInvocationContext context)
    {
        const string name = BackpropDirectives.CheckName;
        int seed;
        bool strict;
        string? scoreTo;
        try
        {
            RejectLayerOptions(command);
            seed = DirectiveValues.ReadInteger(command.Seed, "--seed",
                DirectiveArguments.DefaultSeed, int.MinValue);
            strict = DirectiveValues.ReadFlag(command.Strict, "--strict");
            scoreTo = DirectiveValues.ReadIdentifier(command.ScoreTo, "--score-to");
        }
        catch (DirectiveException error)
        {
            context.Fail(command, message: $"{name}: {error.Message}");
            return;
        }

        var report = Display(DirectiveValues.ReadText(command.Forward),
            DirectiveValues.ReadText(command.Claim), DirectiveValues.ReadText(command.Shapes),
            seed, context, name);
        if (report is null)
        {
            return;
        }

        if (scoreTo is not null && !await DirectiveHandlers.StoreReportAsync(kernel, command,
            context, scoreTo, report, typeof(ClaimReport)))
        {
            return;
        }

        if (strict && !report.Passed)
        {
            context.Fail(command, message: StrictFailure(report));
        }
    }

    // Displays the verdict and returns it, or fails the cell and returns null when the input is
    // invalid.
    private static ClaimReport? Display(string? forward, string? claim, string? shapes, int seed,
        KernelInvocationContext context, string directive)
    {
        if (string.IsNullOrWhiteSpace(forward) || string.IsNullOrWhiteSpace(claim))
        {
            context.Fail(context.Command, message: $"{directive}: checking a claim needs both " +
                "--forward and --claim, for example --forward \"Y = X W + b\" --claim \"dW = X' dY\" " +
                "--shapes \"X: B×N, W: N×M, b: 1×M\".");
            return null;
        }

        ClaimReport report;
        try
        {
            report = ClaimChecker.Check(forward, claim, shapes, seed);
        }
        catch (SymbolicException error)
        {
            context.Fail(context.Command, message: $"{directive}: {error.FormatWithCaret()}");
            return null;
        }

        DeriveDirective.Publish(context, report, report.ToHtml(), report.ToPlainText(), null);
        return report;
    }

    // --layer picks a layer, and the other layer options size or tune a layer check, so a
    // claim check given any of them would silently ignore it.
    private static void RejectLayerOptions(BackpropCheckCommand command)
    {
        if (command.Layer is not null)
        {
            throw new DirectiveException("--layer checks a layer and --forward/--claim check " +
                "a formula; pass one or the other.");
        }

        var present = LayerOptions.Where(option => option.Value(command) is not null).ToList();
        if (present.Count == 0)
        {
            return;
        }

        var names = present.Select(option => option.Option).ToList();
        string list = names.Count == 1
            ? names[0]
            : $"{string.Join(", ", names[..^1])} and {names[^1]}";
        string verb = names.Count == 1 ? "applies" : "apply";
        var instead = present.Select(option => option.Instead).Distinct()
            .Select(text => $" A claim check {text}.");
        throw new DirectiveException($"{list} {verb} to a layer check (--layer), not to a " +
            $"claim check (--forward/--claim).{string.Concat(instead)}");
    }

    private static string StrictFailure(ClaimReport report)
    {
        string reason = report.ShapeProblem is not null
            ? "its shape does not fit"
            : string.Create(CultureInfo.InvariantCulture, $"its numbers differ from central " +
                $"differences (max rel error {report.Numbers!.MaxRelativeError:0.0e0})");
        return $"{BackpropDirectives.CheckName} --strict: the claim {report.Claim} for " +
            $"{report.Forward} is wrong: {reason}. The report above shows the derived formula.";
    }
}
