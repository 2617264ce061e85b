namespace InteractiveBackprop.Checking;

/// <summary>
/// The known formulas of a layer: the correct formula of each gradient and
/// the wrong formulas a diagnosis should try. The checker finds the affine structure
/// Y = X·W + b itself; a symbolic engine or a claimed formula can supply others.
/// </summary>
public interface IGradientStructure
{
    /// <summary>A short description, such as <c>affine Y = X·W + b</c>.</summary>
    string Description { get; }

    /// <summary>Returns the correct formula of <paramref name="gradient"/> as plain text and
    /// LaTeX, or <see langword="null"/> when it is not known.</summary>
    (string Text, string Latex)? FormulaOf(string gradient);

    /// <summary>Returns the wrong formulas to try for <paramref name="gradient"/>, evaluated on
    /// the check's tensors.</summary>
    IReadOnlyList<GradientCandidate> CandidatesFor(string gradient);
}
