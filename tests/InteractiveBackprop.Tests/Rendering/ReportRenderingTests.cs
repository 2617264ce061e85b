using System.Globalization;
using InteractiveBackprop.Checking;
using InteractiveBackprop.Rendering;
using InteractiveBackprop.Tensors;
using InteractiveBackprop.Tests.Checking;

namespace InteractiveBackprop.Tests.Rendering;

public sealed class ReportRenderingTests
{
    private static GradientCheckReport MeanBias(GradientCheckOptions? options = null) =>
        GradientCheck.CheckLayer(new FaultyLinear(3, 4, 1, LinearMistake.BiasGradientMean),
            Tensor.RandomUniform(5, 3, 2), options, "student layer");

    [Fact]
    public void TextShowsRuleBandsAndDiagnosis()
    {
        string text = ReportText.Format(MeanBias());

        Assert.StartsWith("Gradient check of student layer: FAILED (score 0.67)\n" +
            "full mode (every element), 63 loss evaluations, seed 1\n" +
            "structure: affine Y = X·W + b\n" +
            "An element passes when |analytic - numeric| ≤ atol + rtol·|numeric|, with rtol " +
            "1.0e-6 and atol 1.0e-8.\n" +
            "CS231n bands of the max relative error: over 1e-2 wrong, 1e-4 to 1e-2 suspicious " +
            "unless a kink is near, 1e-7 to 1e-4 fine with kinks but too high without, under " +
            "1e-7 good.\n", text);
        Assert.Contains("  db   FAIL  shape [1,4]  max abs error ", text);
        Assert.Contains("max rel error 8.0e-1 (over 1e-2: wrong)  score 0.00\n", text);
        Assert.Contains("       diagnosis (Scaled, factor 1/B): db is 1/B times", text);
    }

    [Fact]
    public void TextIsCultureInvariant()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            string invariant = ReportText.Format(MeanBias());
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal(invariant, ReportText.Format(MeanBias()));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void HtmlHasTablesHeatmapAndWorst()
    {
        string html = ReportHtml.Format(MeanBias());

        Assert.Contains("<strong>Gradient check of student layer:</strong>", html);
        Assert.Equal(3, Count(html, "<table class=\"ib-heatmap\""));
        Assert.Equal(1, Count(html, "<table class=\"ib-worst\""));
        Assert.Contains("<div class=\"ib-diagnosis\"", html);
        Assert.Contains("title=\"[0,0]: analytic ", html);
    }

    [Fact]
    public void SampledHeatmapLeavesUnsampledBlank()
    {
        string html = ReportHtml.Format(MeanBias(
            new GradientCheckOptions { Mode = GradientCheckMode.Sampled, Samples = 2 }));

        Assert.Contains("not sampled", html);
    }

    [Fact]
    public void DirectionalReportHasNoHeatmap()
    {
        string html = ReportHtml.Format(MeanBias(
            new GradientCheckOptions { Mode = GradientCheckMode.Directional, Samples = 2 }));

        Assert.DoesNotContain("ib-heatmap", html);
        Assert.Contains("directional mode (2 random directions u per gradient", html);
    }

    [Fact]
    public void LatexShowsFormulasInDisplayMath()
    {
        string latex = ReportLatex.Format(MeanBias());

        Assert.StartsWith(@"$$\begin{aligned}", latex);
        Assert.EndsWith(@"\end{aligned}$$", latex);
        Assert.Contains(@"\text{pass} &\iff |a - n| \le 10^{-8} + 10^{-6}\,|n|", latex);
        Assert.Contains(@"\texttt{dW} = X^\top\,\frac{\partial L}{\partial Y} \quad (\text{pass", latex);
        Assert.Contains(@"\texttt{db} = \frac{1}{B}\,\frac{\partial L}{\partial b} \quad " +
            @"(\text{FAIL})", latex);
    }

    [Fact]
    public void KinksAreCountedInText()
    {
        var input = Tensor.RandomUniform(5, 3, 4).Map(x => x + Math.Sign(x) * 0.1);
        input[2, 1] = 1e-7;

        string text = ReportText.Format(GradientCheck.CheckLayer(ElementwiseLayer.Relu(), input));

        Assert.Contains("1 comparison ([2,1]) lies within the step of a kink and was compared " +
            "with the one-sided differences.", text);
    }

    private static int Count(string text, string fragment) =>
        (text.Length - text.Replace(fragment, "", StringComparison.Ordinal).Length) / fragment.Length;
}
