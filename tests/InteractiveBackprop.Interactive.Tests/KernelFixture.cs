namespace InteractiveBackprop.Interactive.Tests;

/// <summary>One notebook shared by the tests of a class, because starting a C# kernel costs
/// seconds. Tests use distinct variable names, so their order does not matter.</summary>
public sealed class KernelFixture : IAsyncLifetime
{
    private KernelHarness? _harness;

    public KernelHarness Harness => _harness
        ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        _harness = await KernelHarness.CreateAsync();
        foreach (string cell in new[]
        {
            UserLayers.MeanBiasLinear, UserLayers.TanhLayer, UserLayers.MeanSquaredError,
            UserLayers.BrokenLayer, UserLayers.RejectingBackward,
            UserLayers.NullForward, "var wide = Linear.Create(6, 2, 3);",
            "var text = \"not a layer\";", "ILayer nothing = null;",
        })
        {
            var result = await _harness.SubmitAsync(cell);
            Assert.Null(result.Failure);
        }
    }

    public Task DisposeAsync()
    {
        _harness?.Dispose();
        return Task.CompletedTask;
    }
}
