namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Derives the gradients of matrix expressions such as <c>H = relu(X W1 + b1); Y = H W2 + b2</c>
/// step by step with the Frobenius product, and checks them against central differences.
/// </summary>
/// <remarks>
/// The language: names; the matrix product by juxtaposition, <c>*</c> or <c>·</c>; + and -;
/// scalar multiples <c>2 X</c> and <c>X / B</c>; transposes <c>X'</c>, <c>X^T</c>, <c>Xᵀ</c>; the
/// Hadamard product <c>.*</c> or <c>⊙</c>; relu, tanh, sigmoid, exp, log element-wise;
/// <c>sum(A)</c>, <c>sum(A, 0)</c>, <c>mean(A, axis=1)</c>; <c>trace(A)</c>; <c>‖A‖²</c>,
/// <c>||A||^2</c> or <c>sqnorm(A)</c>; <c>softmax_ce(Z, T)</c>, the softmax cross-entropy
/// averaged over the batch. A [1,M] row added to a [B,M] matrix is broadcast over the rows.
/// </remarks>
public static class SymbolicDerivation
{
    /// <summary>
    /// Parses <paramref name="source"/> with the shapes of <paramref name="shapes"/> and derives
    /// the gradients of the last statement's value with respect to <paramref name="withRespectTo"/>.
    /// </summary>
    /// <param name="source">Statements separated by <c>;</c> or newlines.</param>
    /// <param name="shapes">Declarations such as <c>X: B×N, W: N×M, b: 1×M</c>.</param>
    /// <param name="withRespectTo">Comma-separated inputs; null or empty for every input used.</param>
    /// <exception cref="SymbolicException">The source, the shapes or the list of inputs is
    /// invalid; <see cref="SymbolicException.FormatWithCaret"/> marks the position.</exception>
    public static Derivation Derive(string source, string? shapes = null, string? withRespectTo = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var program = TypedProgram.Create(source, ShapeDeclarations.Parse(shapes));
        return Deriver.Derive(program, ReadInputs(program, withRespectTo));
    }

    /// <summary>Derives as <see cref="Derive"/> does and checks the result with central
    /// differences on a random instance seeded with <paramref name="seed"/>.</summary>
    /// <exception cref="SymbolicException">As for <see cref="Derive"/>.</exception>
    public static DerivationReport DeriveAndCheck(
        string source, string? shapes = null, string? withRespectTo = null, int seed = 1)
    {
        var derivation = Derive(source, shapes, withRespectTo);
        return new DerivationReport(derivation, derivation.CheckNumerically(seed));
    }

    private static IReadOnlyList<string> ReadInputs(TypedProgram program, string? list)
    {
        var inputs = program.Inputs;
        if (string.IsNullOrWhiteSpace(list))
        {
            return inputs;
        }

        var names = new List<string>();
        int offset = 0;
        foreach (string part in list.Split(','))
        {
            string name = part.Trim();
            int start = offset + part.IndexOf(name, StringComparison.Ordinal);
            offset += part.Length + 1;
            if (name.Length == 0)
            {
                continue;
            }

            if (!inputs.Contains(name))
            {
                throw new SymbolicException($"--wrt names {name}, which is not an input of the " +
                    $"expression; inputs: {string.Join(", ", inputs)}.", list, new SourceSpan(start, name.Length));
            }

            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }
}
