using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;

namespace InteractiveBackprop.Interactive.Tests;

public sealed class DirectiveCompletionTests(KernelFixture fixture) : IClassFixture<KernelFixture>
{
    [Fact]
    public async Task CheckOptionNamesAreCompleted()
    {
        var names = await CompleteAsync("#!backprop-check ");

        foreach (string option in new[]
        {
            "--layer", "--batch", "--in", "--out", "--seed", "--rtol", "--atol", "--samples",
            "--mode", "--strict", "--score-to",
        })
        {
            Assert.Contains(option, names);
        }
    }

    [Fact]
    public async Task CapturingParameterIsNotCompleted()
    {
        var check = await CompleteAsync("#!backprop-check ");
        var trace = await CompleteAsync("#!backprop ");

        Assert.Contains("--forward", check);
        Assert.DoesNotContain("--unnamed", check);
        Assert.Contains("--layer", trace);
        Assert.DoesNotContain("--unnamed", trace);
    }

    [Fact]
    public async Task ModeValuesAreCompleted()
    {
        var values = await CompleteAsync("#!backprop-check --mode ");

        Assert.Contains("full", values);
        Assert.Contains("sampled", values);
        Assert.Contains("directional", values);
    }

    [Fact]
    public async Task LayerVariablesAreCompleted()
    {
        var values = await CompleteAsync("#!backprop --layer ");

        Assert.Contains("meanBias", values);
        Assert.Contains("mse", values);
        Assert.DoesNotContain("text", values);
    }

    private async Task<List<string>> CompleteAsync(string code)
    {
        var result = await fixture.Harness.Kernel.SendAsync(
            new RequestCompletions(code, new LinePosition(0, code.Length)));
        return result.Events.OfType<CompletionsProduced>()
            .SelectMany(produced => produced.Completions)
            .Select(item => item.DisplayText)
            .ToList();
    }
}
