using System.Text.Json;
using InteractiveBackprop.Symbolic;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// The <c>#!derive</c> magic command: derives the gradients of matrix statements step by step
/// with the Frobenius product, shows the derivation, the gradients as a table and as C#, and
/// checks them against central differences.
/// </summary>
public static class DeriveDirective
{
    /// <summary>The name of the magic command.</summary>
    public const string Name = "#!derive";

    /// <summary>The statements, which a cell gives in quotes without an option name.</summary>
    internal static readonly PositionalArgument Statements = new(
        "\"STATEMENTS\" (in quotes, first)",
        "give the statements to derive in quotes, for example #!derive \"Y = X W + b\".");

    /// <summary>Adds <c>#!derive</c> to <paramref name="kernel"/> and registers the formatters of
    /// derivations and claim reports. Call it once per kernel.</summary>
    public static void Register(Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        RegisterFormatters();
        var directive = new KernelActionDirective(Name,
            "Derives the gradients of matrix statements step by step and checks them numerically, " +
            "for example #!derive \"Y = X W + b\" --shapes \"X: B×N, W: N×M, b: 1×M\".")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--expression",
                    "The statements, separated by ; such as \"H = relu(X W1 + b1); Y = H W2 + b2\".")
                {
                    AllowImplicitName = true,
                    Required = true,
                },
                new KernelDirectiveParameter("--shapes",
                    "The shape of every input, such as \"X: B×N, W: N×M, b: 1×M\" (× or x) or " +
                    "\"X: [B,N], W: [N,M], b: [1,M]\". Without it, every shape is inferred."),
                new KernelDirectiveParameter("--wrt",
                    "The inputs to differentiate with respect to, such as X,W,b (default: all)."),
                new KernelDirectiveParameter("--seed", "The seed of the numeric check (default 1)."),
            },
        };
        kernel.AddDirective<DeriveCommand>(directive, HandleAsync);
    }

    private static Task HandleAsync(DeriveCommand command, KernelInvocationContext context)
    {
        DerivationReport report;
        try
        {
            string expression = ReadText(command.Expression, "--expression")
                ?? throw new DirectiveException(Statements.MissingMessage);
            string? shapes = ReadText(command.Shapes, "--shapes");
            string? wrt = ReadText(command.Wrt, "--wrt");
            int seed = DirectiveValues.ReadInteger(command.Seed, "--seed", 1, int.MinValue);
            report = SymbolicDerivation.DeriveAndCheck(expression, shapes, wrt, seed);
        }
        catch (DirectiveException error)
        {
            context.Fail(command, message: $"{Name}: {error.Message}");
            return Task.CompletedTask;
        }
        catch (SymbolicException error)
        {
            context.Fail(command, message: $"{Name}: {error.FormatWithCaret()}");
            return Task.CompletedTask;
        }

        Publish(context, report, report.ToHtml(), report.ToPlainText(), report.ToLatex());
        return Task.CompletedTask;
    }

    /// <summary>Displays <paramref name="value"/> in the HTML, plain-text and, when given, LaTeX
    /// forms, so that each front end picks the one it renders.</summary>
    internal static void Publish(KernelInvocationContext context, object value, string html,
        string plain, string? latex)
    {
        var forms = new List<FormattedValue>
        {
            new(HtmlFormatter.MimeType, html),
            new(PlainTextFormatter.MimeType, plain),
        };
        if (latex is not null)
        {
            forms.Add(new FormattedValue(Formatters.LatexMimeType, latex));
        }

        context.Publish(new DisplayedValueProduced(value, context.Command, forms));
    }

    /// <summary>Reads an option given as a JSON string, or returns null when it is absent.</summary>
    /// <exception cref="DirectiveException">The value is not text.</exception>
    internal static string? ReadText(JsonElement? value, string option)
    {
        if (value is null)
        {
            return null;
        }

        var element = value.Value;
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => throw new DirectiveException($"{option} expects text in quotes, but got " +
                $"{element.GetRawText()}."),
        };
    }

    private static void RegisterFormatters()
    {
        Formatter.Register<DerivationReport>((report, writer) => writer.Write(report.ToHtml()),
            HtmlFormatter.MimeType);
        Formatter.Register<DerivationReport>((report, writer) => writer.Write(report.ToPlainText()),
            PlainTextFormatter.MimeType);
        Formatter.Register<Derivation>((derivation, writer) => writer.Write(derivation.ToHtml()),
            HtmlFormatter.MimeType);
        Formatter.Register<Derivation>((derivation, writer) => writer.Write(derivation.ToPlainText()),
            PlainTextFormatter.MimeType);
        Formatter.Register<ClaimReport>((report, writer) => writer.Write(report.ToHtml()),
            HtmlFormatter.MimeType);
        Formatter.Register<ClaimReport>((report, writer) => writer.Write(report.ToPlainText()),
            PlainTextFormatter.MimeType);
        foreach (var type in new[] { typeof(DerivationReport), typeof(Derivation), typeof(ClaimReport) })
        {
            Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        }
    }
}
