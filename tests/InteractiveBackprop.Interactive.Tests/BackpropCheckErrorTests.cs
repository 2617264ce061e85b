namespace InteractiveBackprop.Interactive.Tests;

public sealed class BackpropCheckErrorTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    private KernelHarness Harness => fixture.Harness;

    public static TheoryData<string, string> InvalidValues => new()
    {
        { "--batch abc", "#!backprop-check: --batch expects a whole number, but got 'abc'. " +
            "Example: --batch 5" },
        { "--batch 0", "#!backprop-check: --batch must be at least 1, but got 0." },
        { "--in 2.5", "#!backprop-check: --in expects a whole number, but got '2.5'. " +
            "Example: --in 5" },
        { "--out x", "#!backprop-check: --out expects a whole number, but got 'x'. " +
            "Example: --out 5" },
        { "--seed one", "#!backprop-check: --seed expects a whole number, but got 'one'. " +
            "Example: --seed 5" },
        { "--seed 2147483648", "#!backprop-check: --seed must be a whole number from " +
            "-2147483648 to 2147483647, but got 2147483648." },
        { "--batch 99999999999", "#!backprop-check: --batch must be a whole number from 1 to " +
            "2147483647, but got 99999999999." },
        { "--rtol big", "#!backprop-check: --rtol expects a number such as 1e-6, but got " +
            "'big'." },
        { "--atol \"-1\"", "#!backprop-check: --atol must be at least 0, but got -1: a " +
            "tolerance is a distance." },
        { "--samples 0", "#!backprop-check: --samples must be at least 1, but got 0." },
        { "--mode fast", "#!backprop-check: --mode must be one of full, sampled, directional, " +
            "but got 'fast'." },
        { "--score-to 3x", "#!backprop-check: --score-to expects the name of a C# variable, " +
            "such as myLayer, but got '3x'." },
        { "--score-to class", "#!backprop-check: --score-to expects the name of a C# variable, " +
            "but 'class' is a C# keyword; choose another name, such as classReport." },
        { "--layer \"my layer\"", "#!backprop-check: --layer expects the name of a C# " +
            "variable, such as myLayer, but got 'my layer'." },
    };

    public static TheoryData<string> SeedOutOfRangeCells => new()
    {
        "#!backprop-check --seed 2147483648",
        "#!backprop-check --forward \"Y = X W\" --claim \"dW = X' dY\" --seed 2147483648",
        "#!backprop --seed 2147483648",
        "#!derive \"Y = X W\" --seed 2147483648",
    };

    [Theory]
    [MemberData(nameof(SeedOutOfRangeCells))]
    public async Task SeedOutOfRangeNamesRange(string cell)
    {
        var result = await Harness.SubmitAsync(cell);

        string directive = cell.Split(' ')[0];
        Assert.Equal($"{directive}: --seed must be a whole number from -2147483648 to " +
            "2147483647, but got 2147483648.", result.Failure);
        Assert.Empty(result.Text);
    }

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public async Task InvalidValueFailsWithMessage(string options, string message)
    {
        var result = await Harness.SubmitAsync($"#!backprop-check {options}");

        Assert.Equal(message, result.Failure);
        Assert.Empty(result.Text);
    }

    [Fact]
    public async Task MissingVariableIsNamed()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer ghost");

        Assert.Equal("#!backprop-check: --layer ghost: no C# variable named 'ghost' exists. " +
            "Define it in a C# cell first, for example: var ghost = Linear.Create(3, 4, seed: 1);",
            result.Failure);
    }

    [Fact]
    public async Task NonLayerVariableNamesInterface()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer text");

        Assert.Equal("#!backprop-check: --layer text: the variable 'text' is a System.String, " +
            "which implements neither InteractiveBackprop.Layers.ILayer nor " +
            "InteractiveBackprop.Layers.ILoss. A layer needs IReadOnlyList<Parameter> " +
            "Parameters { get; }, Tensor Forward(Tensor input) and Tensor Backward(Tensor " +
            "outputGradient); a loss head needs double Forward(Tensor prediction, Tensor " +
            "target) and Tensor Backward().", result.Failure);
    }

    [Fact]
    public async Task NullVariableIsReported()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer nothing");

        Assert.Equal("#!backprop-check: --layer nothing: the variable 'nothing' is null; " +
            "assign it a layer first.", result.Failure);
    }

    [Fact]
    public async Task UnfittingShapeNamesBothShapes()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer wide --in 4");

        Assert.StartsWith("#!backprop-check: Linear.Forward threw TensorShapeException: " +
            "Linear.Forward: the input X has shape [5,4] but a weight of shape [6,2] needs X of " +
            "shape [B,6]", result.Failure);
        Assert.EndsWith("The input X had shape [5,4] (--batch 5, --in 4); set --in to the " +
            "layer's input width.", result.Failure);
    }

    [Fact]
    public async Task ThrowingForwardIsReported()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer broken");

        Assert.Equal("#!backprop-check: BrokenLayer.Forward threw InvalidOperationException: " +
            "not ready", result.Failure);
    }

    [Fact]
    public async Task ThrowingBackwardIsReported()
    {
        var result = await Harness.SubmitAsync("#!backprop-check --layer rejecting");

        Assert.Equal("#!backprop-check: RejectingBackward.Backward threw ArgumentException: " +
            "dY is wrong", result.Failure);
    }

    [Fact]
    public async Task NullOutputIsReported()
    {
        var check = await Harness.SubmitAsync("#!backprop-check --layer nullForward");
        var trace = await Harness.SubmitAsync("#!backprop --layer nullForward");

        Assert.Equal("#!backprop-check: NullForward.Forward returned null; it must return the " +
            "output Y.", check.Failure);
        Assert.Equal("#!backprop: NullForward.Forward returned null; it must return the " +
            "output Y.", trace.Failure);
    }

    [Fact]
    public async Task KernelKeepsWorkingAfterErrors()
    {
        await Harness.SubmitAsync("#!backprop-check --layer broken");
        await Harness.SubmitAsync("#!backprop-check --batch abc");

        var code = await Harness.SubmitAsync("var afterErrors = 1 + 1;");
        var check = await Harness.SubmitAsync("#!backprop-check");

        Assert.Null(code.Failure);
        Assert.Null(check.Failure);
        Assert.Contains("PASSED", check.SingleText);
    }
}
