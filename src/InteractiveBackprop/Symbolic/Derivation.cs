namespace InteractiveBackprop.Symbolic;

/// <summary>
/// The step-by-step derivation of the gradients of a matrix program, with the gradients it
/// reads off. Create one with <see cref="SymbolicDerivation.Derive"/>; render it with
/// <see cref="ToLatex"/>, <see cref="ToPlainText"/>, <see cref="ToHtml"/> or
/// <see cref="ToCSharp"/>, and check it with <see cref="CheckNumerically"/>.
/// </summary>
public sealed class Derivation
{
    internal Derivation(TypedProgram program, IReadOnlyList<string> withRespectTo,
        IReadOnlyList<DerivationSection> sections, IReadOnlyList<GradientFormula> gradients)
    {
        Program = program;
        WithRespectTo = withRespectTo;
        Sections = sections;
        Gradients = gradients;
    }

    /// <summary>The source of the statements, as given.</summary>
    public string Source => Program.Source;

    /// <summary>The inputs whose gradients were derived.</summary>
    public IReadOnlyList<string> WithRespectTo { get; }

    /// <summary>The name of the output: the loss, or the matrix whose gradient arrives from it.</summary>
    public string OutputName => Program.Output.Name;

    /// <summary>Whether the output is the loss L (a [1,1] last statement named L or unnamed)
    /// rather than a matrix with an upstream gradient.</summary>
    public bool OutputIsScalar => Program.OutputIsLoss;

    internal TypedProgram Program { get; }

    internal IReadOnlyList<DerivationSection> Sections { get; }

    /// <summary>The intermediate gradients in the order they are computed, then the inputs'.</summary>
    internal IReadOnlyList<GradientFormula> Gradients { get; }

    /// <summary>
    /// Returns the derived formula of ∂L/∂<paramref name="name"/> in plain text, for example
    /// <c>Xᵀ·G_Y</c>, or null when L does not depend on it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a derived gradient.</exception>
    public string? FormulaOf(string name)
    {
        var gradient = Gradients.FirstOrDefault(g => g.Name == name) ?? throw new ArgumentException(
            $"No gradient of '{name}' was derived; derived: {string.Join(", ", Gradients.Select(g => g.Name))}.",
            nameof(name));
        return gradient.Formula is null ? null : MathText.Plain(gradient.Formula);
    }

    /// <summary>
    /// Evaluates every derived gradient on a random instance seeded with <paramref name="seed"/>
    /// and compares it with central differences of L.
    /// </summary>
    public NumericCheckResult CheckNumerically(int seed = 1) => NumericCheck.Run(Program, Gradients, seed);

    /// <summary>Formats the derivation as display math: one <c>$$\begin{aligned}…$$</c> block
    /// with one rule per line and a table of the gradients with their shapes.</summary>
    public string ToLatex() => DerivationLatex.Format(this);

    /// <summary>Formats the derivation as plain Unicode text, one rule per line.</summary>
    public string ToPlainText() => DerivationText.Format(this, null);

    /// <summary>Formats the derivation as an HTML fragment that reads without a math renderer
    /// and carries the LaTeX for one.</summary>
    public string ToHtml() => DerivationHtml.Format(this, null);

    /// <summary>Writes the forward pass and the gradients as C# statements over the tensor API.</summary>
    public string ToCSharp() => new CSharpWriter(this).WriteStatements();

    /// <summary>
    /// Writes a static C# method <paramref name="name"/> that takes the inputs (and dY for a
    /// matrix output Y) in a dictionary and returns the gradients dX, dW, ... by name.
    /// </summary>
    public string ToCSharpMethod(string name = "Backward") => new CSharpWriter(this).WriteMethod(name);
}
