using System.Text.Json;
using InteractiveBackprop.Interactive;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Directives;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive.Tests;

public sealed class DeriveDirectiveTests : IDisposable
{
    private readonly CompositeKernel _kernel;

    public DeriveDirectiveTests()
    {
        _kernel = new CompositeKernel { new CSharpKernel() };
        _kernel.DefaultKernelName = "csharp";
        new BackpropKernelExtension().OnLoadAsync(_kernel).GetAwaiter().GetResult();
        var claim = new KernelActionDirective("#!claim-test", "Runs the claim handler.")
        {
            Parameters =
            {
                new KernelDirectiveParameter("--forward", "The forward statements."),
                new KernelDirectiveParameter("--claim", "The claimed gradient."),
                new KernelDirectiveParameter("--shapes", "The shapes."),
            },
        };
        _kernel.AddDirective<ClaimTestCommand>(claim, (command, context) => ClaimCheckHandler.HandleAsync(
            command.Forward?.GetString(), command.Claim?.GetString(), command.Shapes?.GetString(), 1,
            context, "#!claim-test"));
    }

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public async Task Derive_DisplaysHtmlTextAndLatex()
    {
        var result = await _kernel.SendAsync(new SubmitCode(
            "#!derive \"Y = X W + b\" --shapes \"X: B×N, W: N×M, b: 1×M\" --seed 3"));

        Assert.Empty(result.Events.OfType<CommandFailed>());
        var displayed = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        string html = displayed.FormattedValues.Single(value => value.MimeType == "text/html").Value;
        string text = displayed.FormattedValues.Single(value => value.MimeType == "text/plain").Value;
        string latex = displayed.FormattedValues.Single(value => value.MimeType == "text/latex").Value;
        Assert.Contains("Σᵢ G_Y[i,:]", html);
        Assert.Contains("var db = dY.Sum(axis: 0);", html);
        Assert.Contains("Numbers: central differences, seed 3", text);
        Assert.Contains("db: max abs error", text);
        Assert.Contains(": PASSED", text);
        Assert.StartsWith("$$\\begin{aligned}", latex);
    }

    [Fact]
    public async Task Derive_WrtLimitsTable()
    {
        var result = await _kernel.SendAsync(new SubmitCode(
            "#!derive \"H = relu(X W1 + b1); Y = H W2\" --shapes \"X: BxN, W1: NxK, b1: 1xK, W2: KxM\" --wrt W1"));

        var displayed = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        string text = displayed.FormattedValues.Single(value => value.MimeType == "text/plain").Value;
        Assert.Contains("dW1 = ∂L/∂W1 = Xᵀ·(G_H ⊙ 1[H > 0])", text);
        Assert.DoesNotContain("dW2 = ", text);
    }

    [Fact]
    public async Task Derive_AcceptsUnquotedWrtList()
    {
        var result = await _kernel.SendAsync(new SubmitCode("#!derive \"Y = X W + b\" --wrt W,b"));

        Assert.Empty(result.Events.OfType<CommandFailed>());
        var displayed = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        string text = displayed.FormattedValues.Single(value => value.MimeType == "text/plain").Value;
        Assert.StartsWith("Shapes inferred: X: B×N, W: N×M, b: 1×M.", text);
        Assert.Contains("db = ∂L/∂b = Σᵢ G_Y[i,:]", text);
        Assert.DoesNotContain("dX = ", text);
    }

    [Fact]
    public async Task Derive_ParseErrorShowsCaret()
    {
        var result = await _kernel.SendAsync(new SubmitCode(
            "#!derive \"Y = X W + * b\" --shapes \"X: B×N, W: N×M, b: 1×M\""));

        var failed = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.Contains("#!derive: Expected a name, a number or '(', but found '*'.\n" +
            "  Y = X W + * b\n            ^", failed.Message.Replace("\r", ""));
    }

    [Fact]
    public async Task Derive_ShapeErrorNamesOperation()
    {
        var result = await _kernel.SendAsync(new SubmitCode(
            "#!derive \"Y = X W + b\" --shapes \"X: B×N, W: M×N, b: 1×M\""));

        var failed = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.Contains("X W: [B,N] times [M,N], inner dimensions N and M differ.", failed.Message);
    }

    [Fact]
    public async Task Derive_BadSeedIsRejected()
    {
        var result = await _kernel.SendAsync(new SubmitCode(
            "#!derive \"Y = X W\" --shapes \"X: B×N, W: N×M\" --seed abc"));

        var failed = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.Contains("#!derive: --seed expects a whole number, but got 'abc'.", failed.Message);
    }

    [Fact]
    public async Task Kernel_KeepsWorkingAfterError()
    {
        await _kernel.SendAsync(new SubmitCode("#!derive \"Y = X Q\" --shapes \"X: B×N\""));

        var result = await _kernel.SendAsync(new SubmitCode("1 + 1"));

        Assert.Empty(result.Events.OfType<CommandFailed>());
        var value = Assert.Single(result.Events.OfType<ReturnValueProduced>());
        Assert.Equal(2, value.Value);
    }

    [Fact]
    public async Task ClaimHandler_ExplainsNaiveWeightGradient()
    {
        var result = await _kernel.SendAsync(new SubmitCode(
            "#!claim-test --forward \"Y = X W + b\" --claim \"dW = dY X\" --shapes \"X: B×N, W: N×M, b: 1×M\""));

        var displayed = Assert.Single(result.Events.OfType<DisplayedValueProduced>());
        string text = displayed.FormattedValues.Single(value => value.MimeType == "text/plain").Value;
        Assert.Contains("Claim dW = dY X for Y = X W + b: WRONG", text);
        Assert.Contains("shape: wrong. dY X: [B,M] times [B,N], inner dimensions M and B differ.", text);
        Assert.Contains("derived: dW = Xᵀ·dY", text);
        Assert.Contains("corrected claim: dW = Xᵀ·dY", text);
    }

    [Fact]
    public async Task ClaimHandler_MissingClaimFails()
    {
        var result = await _kernel.SendAsync(new SubmitCode("#!claim-test --forward \"Y = X W\""));

        var failed = Assert.Single(result.Events.OfType<CommandFailed>());
        Assert.Contains("#!claim-test: checking a claim needs both --forward and --claim", failed.Message);
    }

    public sealed class ClaimTestCommand : KernelDirectiveCommand
    {
        public JsonElement? Forward { get; set; }

        public JsonElement? Claim { get; set; }

        public JsonElement? Shapes { get; set; }
    }
}
