using InteractiveBackprop.Checking;
using InteractiveBackprop.Rendering;
using InteractiveBackprop.Tensors;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive;

/// <summary>Registers the notebook formatters of the core's types.</summary>
public static class Formatters
{
    /// <summary>The MIME type of LaTeX outputs, which Jupyter typesets with MathJax.</summary>
    public const string LatexMimeType = "text/latex";

    /// <summary>
    /// Registers HTML, LaTeX and plain-text formatters for <see cref="Tensor"/>,
    /// <see cref="GradientCheckReport"/> and <see cref="BackpropTrace"/>. Each displays in all
    /// three forms, because VS Code renders no text/latex and Jupyter prefers HTML. Registering
    /// again replaces the earlier registration.
    /// </summary>
    public static void Register()
    {
        Formatter.Register<Tensor>((tensor, writer) => writer.Write(TensorHtml.Format(tensor)),
            HtmlFormatter.MimeType);
        Formatter.Register<Tensor>((tensor, writer) => writer.Write(TensorText.Format(tensor)),
            PlainTextFormatter.MimeType);
        Formatter.Register<Tensor>(
            (tensor, writer) => writer.Write(TensorLatex.FormatDisplay(tensor)), LatexMimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(Tensor),
            HtmlFormatter.MimeType, LatexMimeType, PlainTextFormatter.MimeType);

        RegisterReport();
        RegisterTrace();
    }

    private static void RegisterReport()
    {
        Formatter.Register<GradientCheckReport>(
            (report, writer) => writer.Write(ReportHtml.Format(report)), HtmlFormatter.MimeType);
        Formatter.Register<GradientCheckReport>(
            (report, writer) => writer.Write(ReportLatex.Format(report)), LatexMimeType);
        Formatter.Register<GradientCheckReport>(
            (report, writer) => writer.Write(ReportText.Format(report)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(GradientCheckReport),
            HtmlFormatter.MimeType, LatexMimeType, PlainTextFormatter.MimeType);
    }

    private static void RegisterTrace()
    {
        Formatter.Register<BackpropTrace>(
            (trace, writer) => writer.Write(TraceHtml.Format(trace)), HtmlFormatter.MimeType);
        Formatter.Register<BackpropTrace>(
            (trace, writer) => writer.Write(TraceLatex.Format(trace)), LatexMimeType);
        Formatter.Register<BackpropTrace>(
            (trace, writer) => writer.Write(TraceText.Format(trace)), PlainTextFormatter.MimeType);
        Formatter.SetPreferredMimeTypesFor(typeof(BackpropTrace),
            HtmlFormatter.MimeType, LatexMimeType, PlainTextFormatter.MimeType);
    }
}
