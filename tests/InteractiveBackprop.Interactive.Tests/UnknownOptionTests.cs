using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive.Tests;

public sealed class UnknownOptionTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    private const string CheckOptions = "--layer, --batch, --in, --out, --seed, --rtol, " +
        "--atol, --samples, --mode, --strict, --score-to, --forward, --claim, --shapes";

    private const string TraceOptions = "--layer, --batch, --in, --out, --seed";

    private const string DeriveUsage =
        "\"STATEMENTS\" (in quotes, first) and the options --shapes, --wrt, --seed";

    private const string MissingStatements = "#!derive: give the statements to derive in " +
        "quotes, for example #!derive \"Y = X W + b\".";

    private KernelHarness Harness => fixture.Harness;

    [Fact]
    public async Task MisspeltOptionSuggestsClosest()
    {
        var result = await Harness.SubmitAsync(
            "#!backprop-check --forwrd \"Y = X W\" --claim \"dW = X^T dY\"");

        Assert.Equal("#!backprop-check: unknown option '--forwrd'. Its options are " +
            $"{CheckOptions}. Did you mean --forward?", result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task UnknownOptionListsOptionsOnly()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --frobnicate 3");

        Assert.Equal("#!backprop-check: unknown option '--frobnicate'. Its options are " +
            $"{CheckOptions}.", result.Failure);
        Assert.Empty(result.Text);
    }

    public static TheoryData<string, string> SuggestedTypos => new()
    {
        { "#!backprop --bach 3", "#!backprop: unknown option '--bach'. Its options are " +
            $"{TraceOptions}. Did you mean --batch?" },
        { "#!backprop-check --sede 2", "#!backprop-check: unknown option '--sede'. Its " +
            $"options are {CheckOptions}. Did you mean --seed?" },
        { "#!backprop-check -strict", "#!backprop-check: unknown option '-strict'. Its " +
            $"options are {CheckOptions}. Did you mean --strict?" },
        { "#!backprop-check --Layer meanBias", "#!backprop-check: unknown option '--Layer'. " +
            $"Its options are {CheckOptions}. Did you mean --layer?" },
        { "#!derive \"Y = X W\" --wtr W", "#!derive: unknown option '--wtr'. It takes " +
            $"{DeriveUsage}. Did you mean --wrt?" },
    };

    [Theory]
    [MemberData(nameof(SuggestedTypos))]
    public async Task TypoOfEveryCommandIsSuggested(string cell, string message)
    {
        var result = await Harness.SubmitAsync(cell);

        Assert.Equal(message, result.Failure);
    }

    [Fact]
    public async Task OptionOfSiblingCommandIsNamed()
    {
        var result = await Harness.SubmitAsync("#!backprop --mode full");

        Assert.Equal("#!backprop: unknown option '--mode'. Its options are " +
            $"{TraceOptions}. --mode is an option of #!backprop-check.", result.Failure);
    }

    [Fact]
    public async Task DirectiveAfterCodeIsFound()
    {
        var result = await Harness.SubmitAsync("var beforeDirective = 1;\n" +
            "#!backprop-check --layer meanBias --tolerance 1e-6");

        Assert.Equal("#!backprop-check: unknown option '--tolerance'. Its options are " +
            $"{CheckOptions}.", result.Failure);
    }

    [Fact]
    public async Task EveryUnknownOptionIsReported()
    {
        var result = await Harness.SubmitAsync("#!backprop --bach 3 --sed 2");

        Assert.Equal("#!backprop: unknown option '--bach'. Its options are " +
            $"{TraceOptions}. Did you mean --batch?\n" +
            "#!backprop: unknown option '--sed'. Its options are " +
            $"{TraceOptions}. Did you mean --seed?", result.Failure);
    }

    [Fact]
    public async Task OtherDiagnosticsKeepKernelText()
    {
        var duplicate = await Harness.SubmitAsync("#!backprop --seed 1 --seed 2");
        var mixed = await Harness.SubmitAsync("#!backprop --seed 1 --seed 2 --bach 3");

        Assert.Equal("(1,12): error DNI105: A maximum of 1 occurrences are allowed for named " +
            "parameter '--seed'\n(1,21): error DNI105: A maximum of 1 occurrences are allowed " +
            "for named parameter '--seed'", duplicate.Failure);
        Assert.Equal(duplicate.Failure + "\n#!backprop: unknown option '--bach'. Its options " +
            $"are {TraceOptions}. Did you mean --batch?", mixed.Failure);
    }

    [Fact]
    public async Task CorrectOptionsStillRun()
    {
        var check = await Harness.SubmitAsync(
            "#!backprop-check --mode sampled --samples 4 --strict");
        var derive = await Harness.SubmitAsync(
            "#!derive \"Y = X W + b\" --shapes \"X: 5×3, W: 3×4, b: 1×4\" --wrt W");

        Assert.Null(check.Failure);
        Assert.Contains("PASSED", check.SingleText);
        Assert.Null(derive.Failure);
        Assert.NotEmpty(derive.Text);
    }

    [Fact]
    public async Task QuotedValueWithDashesIsKept()
    {
        var result = await Harness.SubmitAsync(
            "#!backprop-check --forward \"Y = X W\" --claim \"dW = X^T dY --frobnicate\"");

        Assert.StartsWith("#!backprop-check: frobnicate is not a name of the forward statements.",
            result.Failure);
    }

    [Fact]
    public async Task OtherDirectiveKeepsKernelMessage()
    {
        var result = await Harness.SubmitAsync("#!csharp --forwrd 1\nvar other = 1;");

        Assert.Equal("(1,10): error DNI103: Unrecognized parameter name '--forwrd'",
            result.Failure);
    }

    [Fact]
    public async Task DiagnosticKeepsKernelPosition()
    {
        var result = await Harness.Kernel.SendAsync(
            new SubmitCode("#!backprop-check --frobnicate 3"));

        var diagnostic = Assert.Single(
            Assert.Single(result.Events.OfType<DiagnosticsProduced>()).Diagnostics);
        Assert.Equal("DNI103", diagnostic.Code);
        Assert.Equal(17, diagnostic.LinePositionSpan.Start.Character);
        Assert.Single(result.Events.OfType<CommandFailed>());
    }

    [Fact]
    public async Task ExtensionOnChildKernelRewritesMessage()
    {
        using var session = await KernelSession.StartAsync();

        var viaComposite = await session.SubmitAsync("#!backprop --bach 3");
        var viaCSharp = await session.CSharp.SendAsync(new SubmitCode("#!backprop --bach 3"));

        string expected = "#!backprop: unknown option '--bach'. Its options are " +
            $"{TraceOptions}. Did you mean --batch?";
        Assert.Equal(expected, KernelSession.FailureMessage(viaComposite));
        Assert.Equal(expected, KernelSession.FailureMessage(viaCSharp));
    }

    [Fact]
    public async Task UnknownOptionWithoutStatementsIsExplained()
    {
        var result = await Harness.SubmitAsync("#!derive --bogus");

        Assert.Equal("#!derive: unknown option '--bogus'. It takes " +
            $"{DeriveUsage}.\n{MissingStatements}", result.Failure);
        Assert.DoesNotContain("--expression", result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task MissingStatementsAreExplained()
    {
        var result = await Harness.SubmitAsync("#!derive --shapes \"X: B×N, W: N×M\"");

        Assert.Equal(MissingStatements, result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task OtherMissingArgumentKeepsKernelMessage()
    {
        var directive = new KernelActionDirective("#!other-required", "A directive of another " +
            "extension.")
        {
            Parameters = { new KernelDirectiveParameter("--path", "A path.")
            {
                AllowImplicitName = true,
                Required = true,
            } },
        };
        Harness.CSharp.AddDirective(directive, (_, _) => Task.CompletedTask);

        var result = await Harness.SubmitAsync("#!other-required");

        Assert.Equal("(1,1): error DNI104: Missing required parameter '--path'", result.Failure);
    }
}
