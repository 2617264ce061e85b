using InteractiveBackprop.Interactive;

namespace InteractiveBackprop.Interactive.Tests;

public sealed class BackpropCheckDirectiveTests
{
    [Fact]
    public async Task CheckWithoutOptionsPassesBundledLinear()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync("#!backprop-check");

        Assert.Null(KernelSession.FailureMessage(result));
        var display = Assert.Single(KernelSession.Displays(result));
        string text = display["text/plain"];
        Assert.StartsWith("Gradient check of Linear [3 → 2], batch 4: PASSED", text);
        Assert.Contains("dX   shape [4,3]", text);
        Assert.Contains("dW   shape [3,2]", text);
        Assert.Contains("db   shape [1,2]", text);
        Assert.Contains("PASSED", display["text/html"]);
        Assert.Contains("<td style=", display["text/html"]);
    }

    [Fact]
    public async Task ShapeOptionsChangeCheckedLayer()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync("#!backprop-check --batch 5 --in 4 --out 3 --seed 9");

        string text = Assert.Single(KernelSession.Displays(result))["text/plain"];
        Assert.StartsWith("Gradient check of Linear [4 → 3], batch 5: PASSED", text);
        Assert.Contains("seed 9", text);
        Assert.Contains("dW   shape [4,3]", text);
    }

    [Fact]
    public async Task NonNumericBatchIsExplained()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync("#!backprop-check --batch abc");

        Assert.Equal("#!backprop-check: --batch expects a whole number, but got 'abc'. " +
            "Example: --batch 4", KernelSession.FailureMessage(result));
        var after = await session.SubmitAsync("1 + 1");
        Assert.Null(KernelSession.FailureMessage(after));
    }

    [Fact]
    public async Task ZeroBatchIsRejected()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync("#!backprop-check --batch 0");

        Assert.Equal("#!backprop-check: --batch must be at least 1, but got 0.",
            KernelSession.FailureMessage(result));
    }

    [Fact]
    public async Task UnknownOptionIsNamed()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync("#!backprop-check --bogus 3");

        Assert.Contains("--bogus", KernelSession.FailureMessage(result));
    }

    [Fact]
    public async Task LoadingTwiceKeepsOneDirective()
    {
        using var session = await KernelSession.StartAsync();
        await new BackpropKernelExtension().OnLoadAsync(session.CSharp);

        var result = await session.SubmitAsync("#!backprop-check");

        Assert.Null(KernelSession.FailureMessage(result));
        Assert.Single(KernelSession.Displays(result));
    }

    [Fact]
    public async Task BrokenLayerReportShowsFailure()
    {
        using var session = await KernelSession.StartAsync();
        const string code = """
            using InteractiveBackprop.Checking;
            using InteractiveBackprop.Layers;
            using InteractiveBackprop.Tensors;

            sealed class TransposedWeightLinear : ILayer
            {
                private readonly Linear _inner = Linear.Create(3, 3, seed: 2);
                public IReadOnlyList<Parameter> Parameters => _inner.Parameters;
                public Tensor Forward(Tensor input) => _inner.Forward(input);
                public Tensor Backward(Tensor dY)
                {
                    var dX = _inner.Backward(dY);
                    _inner.Weight.Grad = _inner.Weight.Grad!.T;
                    return dX;
                }
            }

            GradientCheck.CheckLayer(new TransposedWeightLinear(),
                Tensor.RandomUniform(5, 3, seed: 1), subject: "TransposedWeightLinear")
            """;

        var result = await session.SubmitAsync(code);

        Assert.Null(KernelSession.FailureMessage(result));
        var display = Assert.Single(KernelSession.Displays(result));
        Assert.StartsWith("Gradient check of TransposedWeightLinear: FAILED", display["text/plain"]);
        Assert.Contains("dW differs from the central differences", display["text/plain"]);
        Assert.Contains("FAILED", display["text/html"]);
    }
}
