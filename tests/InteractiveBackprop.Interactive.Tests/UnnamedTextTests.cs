namespace InteractiveBackprop.Interactive.Tests;

public sealed class UnnamedTextTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    private const string CheckFix = "To check a formula, write --forward \"Y = X W + b\" " +
        "--claim \"dW = dY X\"; to check a layer, write --layer NAME.";

    private KernelHarness Harness => fixture.Harness;

    [Fact]
    public async Task ClaimWithoutOptionNameFailsCheck()
    {
        var result = await Harness.SubmitAsync("#!backprop-check \"dW = dY X\"");

        Assert.Equal("#!backprop-check: the text \"dW = dY X\" has no option name. " +
            CheckFix, result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task ForwardWithUnnamedClaimFailsCheck()
    {
        var result = await Harness.SubmitAsync(
            "#!backprop-check --forward \"Y = X W + b\" \"dW = dY X\"");

        Assert.Equal("#!backprop-check: the text \"dW = dY X\" has no option name. " +
            CheckFix, result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task LayerWithoutOptionNameFailsTrace()
    {
        var quoted = await Harness.SubmitAsync("#!backprop \"meanBias\"");
        var bare = await Harness.SubmitAsync("#!backprop meanBias");

        string message = "#!backprop: the text \"meanBias\" has no option name. To trace a " +
            "layer, write --layer NAME; without it, the bundled Linear runs.";
        Assert.Equal(message, quoted.Failure);
        Assert.Equal(message, bare.Failure);
        Assert.Empty(quoted.Text);
    }
}
