namespace InteractiveBackprop.Interactive.Tests;

public sealed class TensorFormatterTests
{
    [Fact]
    public async Task TensorDisplaysAsHtmlLatexAndText()
    {
        using var session = await KernelSession.StartAsync();

        var result = await session.SubmitAsync(
            "InteractiveBackprop.Tensors.Tensor.FromArray(new double[,] { { 1, 2 }, { 3, 4.5 } })");

        var display = Assert.Single(KernelSession.Displays(result));
        Assert.StartsWith("<table class=\"ib-tensor\"", display["text/html"]);
        Assert.Contains("shape [2,2]</caption>", display["text/html"]);
        Assert.Equal(@"$$\begin{bmatrix}1 & 2 \\ 3 & 4.5\end{bmatrix}$$", display["text/latex"]);
        Assert.Equal("[[  1,   2],\n [  3, 4.5]] shape [2,2]", display["text/plain"]);
    }
}
