namespace InteractiveBackprop.Interactive.Tests;

public sealed class ClaimOptionTests
{
    private const string Shapes = "--shapes \"X: B×N, W: N×M, b: 1×M\"";

    [Fact]
    public async Task NaiveWeightClaimIsCorrected()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync(
            $"#!backprop-check --forward \"Y = X W + b\" --claim \"dW = dY X\" {Shapes}");

        Assert.Null(KernelSession.FailureMessage(result));
        string text = Assert.Single(KernelSession.Displays(result))["text/plain"];
        Assert.Contains("inner dimensions M and B differ", text);
        Assert.Contains("swap the operands of dY·X", text);
        Assert.Contains("dW = Xᵀ·dY", text);
    }

    [Fact]
    public async Task MeanBiasClaimNamesFactor()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync(
            $"#!backprop-check --forward \"Y = X W + b\" --claim \"db = mean(dY, 0)\" {Shapes}");

        string text = Assert.Single(KernelSession.Displays(result))["text/plain"];
        Assert.Contains("1/B times the derived gradient", text);
    }

    [Fact]
    public async Task ClaimWithoutForwardIsExplained()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync("#!backprop-check --claim \"dW = dY X\"");

        Assert.StartsWith("#!backprop-check: checking a claim needs both --forward and --claim",
            KernelSession.FailureMessage(result));
    }

    [Fact]
    public async Task ClaimBesideLayerIsRejected()
    {
        using var session = await KernelSession.StartAsync();
        await session.SubmitAsync("var layer = InteractiveBackprop.Layers.Linear.Create(3, 4, 1);");

        var result = await session.SubmitAsync(
            "#!backprop-check --layer layer --forward \"Y = X W + b\" --claim \"dW = dY X\"");

        Assert.Equal("#!backprop-check: --layer checks a layer and --forward/--claim check a " +
            "formula; pass one or the other.", KernelSession.FailureMessage(result));
    }
}
