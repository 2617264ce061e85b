using InteractiveBackprop.Symbolic;

namespace InteractiveBackprop.Interactive.Tests;

public sealed class ClaimOptionTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    private const string Shapes = "--shapes \"X: B×N, W: N×M, b: 1×M\"";

    private const string Claim = "#!backprop-check --forward \"Y = X W\"";

    private const string Sizes = " A claim check takes its sizes from --shapes, such as " +
        "--shapes \"X: 5×3, W: 3×4\".";

    private const string Comparison = " A claim check compares every element of the claim " +
        "with central differences at the fixed tolerances rtol 1e-6 and atol 1e-8.";

    private KernelHarness Harness => fixture.Harness;

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

    [Fact]
    public async Task StrictFailsCellOnWrongShape()
    {
        var result = await Harness.SubmitAsync($"{Claim} --claim \"dW = dY X\" --strict");

        Assert.StartsWith("Claim dW = dY X for Y = X W: WRONG", result.SingleText);
        Assert.Equal("#!backprop-check --strict: the claim dW = dY X for Y = X W is wrong: its " +
            "shape does not fit. The report above shows the derived formula.", result.Failure);
    }

    [Fact]
    public async Task StrictFailsCellOnWrongNumbers()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --forward \"Y = X W + b\" " +
            $"--claim \"db = mean(dY, 0)\" {Shapes} --strict");

        Assert.StartsWith("Claim db = mean(dY, 0) for Y = X W + b: WRONG", result.SingleText);
        Assert.StartsWith("#!backprop-check --strict: the claim db = mean(dY, 0) for Y = X W + b " +
            "is wrong: its numbers differ from central differences (max rel error ",
            result.Failure);
        Assert.EndsWith("). The report above shows the derived formula.", result.Failure);
    }

    [Fact]
    public async Task StrictPassesCorrectClaim()
    {
        var result = await Harness.SubmitAsync($"{Claim} --claim \"dW = X' dY\" --strict");

        Assert.Null(result.Failure);
        Assert.StartsWith("Claim dW = X' dY for Y = X W: CORRECT", result.SingleText);
    }

    [Fact]
    public async Task ScoreToStoresClaimReport()
    {
        var right = await Harness.SubmitAsync(
            $"{Claim} --claim \"dW = X' dY\" --score-to claimRight");
        var wrong = await Harness.SubmitAsync(
            $"{Claim} --claim \"dW = dY X\" --score-to claimWrong");

        Assert.Null(right.Failure);
        Assert.Null(wrong.Failure);
        Assert.True(Harness.CSharp.TryGetValue<ClaimReport>("claimRight", out var report));
        Assert.True(report.Passed);
        Assert.Equal("dW", report.Gradient);
        Assert.True(Harness.CSharp.TryGetValue<ClaimReport>("claimWrong", out var wrongReport));
        Assert.False(wrongReport.Passed);
        Assert.NotNull(wrongReport.ShapeProblem);
        var cell = await Harness.SubmitAsync("if (!claimRight.Passed) throw new Exception();");
        Assert.Null(cell.Failure);
    }

    public static TheoryData<string, string> LayerOptions => new()
    {
        { "--batch 5", "--batch applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Sizes}" },
        { "--in 3", "--in applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Sizes}" },
        { "--out 4", "--out applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Sizes}" },
        { "--rtol 1e-3", "--rtol applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Comparison}" },
        { "--atol 1e-3", "--atol applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Comparison}" },
        { "--samples 4", "--samples applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Comparison}" },
        { "--mode sampled", "--mode applies to a layer check (--layer), not to a claim check " +
            $"(--forward/--claim).{Comparison}" },
        { "--batch -5 --rtol -1 --mode nonsense", "--batch, --rtol and --mode apply to a layer " +
            $"check (--layer), not to a claim check (--forward/--claim).{Sizes}{Comparison}" },
    };

    [Theory]
    [MemberData(nameof(LayerOptions))]
    public async Task LayerOptionBesideClaimIsRejected(string options, string message)
    {
        var result = await Harness.SubmitAsync($"{Claim} --claim \"dW = X' dY\" {options}");

        Assert.Equal($"#!backprop-check: {message}", result.Failure);
        Assert.Empty(result.Text);
    }

    public static TheoryData<string, string> InvalidClaimValues => new()
    {
        { "--seed one", "--seed expects a whole number, but got 'one'. Example: --seed 5" },
        { "--score-to 3x", "--score-to expects the name of a C# variable, such as myLayer, but " +
            "got '3x'." },
    };

    [Theory]
    [MemberData(nameof(InvalidClaimValues))]
    public async Task InvalidClaimValueFailsWithMessage(string options, string message)
    {
        var result = await Harness.SubmitAsync($"{Claim} --claim \"dW = X' dY\" {options}");

        Assert.Equal($"#!backprop-check: {message}", result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task SeedChangesClaimInstance()
    {
        var first = await Harness.SubmitAsync(
            $"{Claim} --claim \"dW = X' dY\" --seed 3 --score-to claimSeed3");
        var second = await Harness.SubmitAsync(
            $"{Claim} --claim \"dW = X' dY\" --seed 4 --score-to claimSeed4");

        Assert.Null(first.Failure);
        Assert.Null(second.Failure);
        Assert.True(Harness.CSharp.TryGetValue<ClaimReport>("claimSeed3", out var three));
        Assert.True(Harness.CSharp.TryGetValue<ClaimReport>("claimSeed4", out var four));
        Assert.NotEqual(three.Numbers!.Analytic[0, 0], four.Numbers!.Analytic[0, 0]);
    }
}
