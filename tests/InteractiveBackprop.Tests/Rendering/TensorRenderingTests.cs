using System.Globalization;
using InteractiveBackprop.Rendering;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Tests.Rendering;

public sealed class TensorRenderingTests
{
    private static readonly Tensor Small = Tensor.FromArray(new double[,] { { 1, -2.5 }, { 0, 1e-9 } });

    [Fact]
    public void PlainTextAlignsColumnsAndShowsShape()
    {
        Assert.Equal("[[    1,  -2.5],\n [    0, 1e-09]] shape [2,2]", TensorText.Format(Small));
    }

    [Fact]
    public void LatexIsBmatrixInDisplayMath()
    {
        Assert.Equal(@"$$\begin{bmatrix}1 & -2.5 \\ 0 & 1e-09\end{bmatrix}$$",
            TensorLatex.FormatDisplay(Small));
    }

    [Fact]
    public void HtmlTableHasShapeCaptionAndCells()
    {
        string html = TensorHtml.Format(Small, "dW");

        Assert.StartsWith("<table class=\"ib-tensor\"", html);
        Assert.Contains(">dW shape [2,2]</caption>", html);
        Assert.Contains(">-2.5</td>", html);
        Assert.Equal(4, CountOf(html, "<td"));
        Assert.Contains("currentColor", html);
    }

    [Fact]
    public void NumbersIgnoreCurrentCulture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Contains("-2.5", TensorText.Format(Small));
            Assert.Contains(">-2.5</td>", TensorHtml.Format(Small));
            Assert.DoesNotContain("-2,5", TensorLatex.Format(Small));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void LargeTensorIsSummarisedLikeNumpy()
    {
        var large = Tensor.FromRowMajor(40, 30,
            Enumerable.Range(0, 1200).Select(i => (double)i).ToArray());

        string html = TensorHtml.Format(large);
        string latex = TensorLatex.Format(large);
        string text = TensorText.Format(large);

        // Three edge rows and columns each side, plus one row and column of ellipses.
        Assert.Equal(7 * 7, CountOf(html, "<td"));
        Assert.Contains(">…</td>", html);
        Assert.Contains(">⋮</td>", html);
        Assert.Contains(">⋱</td>", html);
        Assert.Contains(">1199</td>", html);
        Assert.DoesNotContain(">600</td>", html);
        Assert.Contains(@"\cdots", latex);
        Assert.Contains(@"\vdots", latex);
        Assert.Contains("...", text);
        Assert.EndsWith("shape [40,30]", text);
    }

    [Fact]
    public void TensorOfThresholdSizeIsShownWhole()
    {
        var whole = Tensor.Zeros(25, 40);

        Assert.Equal(1000, CountOf(TensorHtml.Format(whole), "<td"));
    }

    [Fact]
    public void NonFiniteValuesAreNamed()
    {
        var tensor = Tensor.FromArray(new double[,] { { double.NaN, double.PositiveInfinity } });

        Assert.Equal("[[nan, inf]] shape [1,2]", TensorText.Format(tensor));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0;
             at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
