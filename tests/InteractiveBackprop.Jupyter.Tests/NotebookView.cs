namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>What the Notebook page shows, read from its DOM and its notebook model.</summary>
public sealed record NotebookView
{
    /// <summary>Whether the Notebook UI treats the notebook as trusted.</summary>
    public bool Trusted { get; init; }

    /// <summary>Whether MathJax is loaded and has finished typesetting.</summary>
    public bool MathJaxReady { get; init; }

    /// <summary>The text of every error output.</summary>
    public string[] Errors { get; init; } = [];

    /// <summary>The text of every stderr output, which contains a compiler error's message.</summary>
    public string[] StandardError { get; init; } = [];

    /// <summary>Outputs in the model with a tensor: an ib-tensor table or a LaTeX matrix.</summary>
    public int TensorOutputs { get; init; }

    /// <summary>Output areas showing an ib-tensor table or typeset math.</summary>
    public int TensorsShown { get; init; }

    /// <summary>Markdown cells whose source has $-delimited math.</summary>
    public int MarkdownWithMath { get; init; }

    /// <summary>Markdown cells with math that MathJax typeset.</summary>
    public int MarkdownTypeset { get; init; }

    /// <summary>Rendered text that still shows LaTeX source, such as \begin{bmatrix}.</summary>
    public string[] RawLatex { get; init; } = [];

    /// <summary>Outputs in the model that draw a Plotly chart.</summary>
    public int ChartOutputs { get; init; }

    /// <summary>Plotly charts drawn: an SVG with at least one trace.</summary>
    public int ChartsDrawn { get; init; }
}
