using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Checks a claimed gradient such as <c>dW = dY X</c> against the derivation of a forward
/// program: the shape first, with the reason, then the numbers on a random instance, then the
/// derived formula. When the claim is wrong, it searches for the smallest change that makes it
/// right (a transpose, swapped operands, a constant factor such as 1/B, B, 2 or -1) and names it.
/// </summary>
public static class ClaimChecker
{
    // Two exact formulas evaluated on the same instance agree to rounding, far below this.
    private const double MatchTolerance = 1e-9;

    // Two structural edits cover the usual slips, such as dY·X for Xᵀ·dY.
    private const int MaxEdits = 2;

    /// <summary>
    /// Checks <paramref name="claim"/>, written <c>dV = expression</c> with dY for ∂L/∂Y of a
    /// matrix output Y and dH for an intermediate H, against the gradients of
    /// <paramref name="forward"/>.
    /// </summary>
    /// <param name="forward">The forward statements, as for <see cref="SymbolicDerivation.Derive"/>.</param>
    /// <param name="claim">The claimed gradient, for example <c>dW = dY X</c>.</param>
    /// <param name="shapes">The declarations of the inputs' shapes.</param>
    /// <param name="seed">The seed of the random instance.</param>
    /// <exception cref="SymbolicException">The forward statements or the claim cannot be parsed,
    /// the claim names no input, or the claim uses a name that is neither a value of the forward
    /// statements, a gradient dV of one, nor a dimension.</exception>
    public static ClaimReport Check(string forward, string claim, string? shapes = null, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(claim);
        var derivation = SymbolicDerivation.Derive(forward, shapes);
        var program = derivation.Program;
        var (target, body) = ParseClaim(claim, program);
        RejectUnknownNames(claim, body, program);
        var formula = derivation.Gradients.First(g => g.Name == target);
        string derived = $"d{target} = " + (formula.Formula is null ? "0" : InClaimWords(formula.Formula));
        var inference = program.Inference(claim, gradientNames: true);
        var expected = program.Shapes[target];

        var instance = NumericInstance.Create(program, seed);
        NumericCheck.EvaluateIntermediates(instance, derivation.Gradients);
        var reference = formula.Formula is null
            ? Tensor.Zeros(instance.Evaluator.Size(expected.Rows), instance.Evaluator.Size(expected.Columns))
            : instance.Evaluator.Evaluate(formula.Formula);

        string? shapeProblem = null;
        GradientComparison? numbers = null;
        Expression? typed = null;
        try
        {
            var (value, shape) = inference.Infer(body);
            typed = value;
            if (shape != expected)
            {
                shapeProblem = $"{InClaimWords(value)} has shape {shape}, but {target} has shape " +
                    $"{expected}, and a gradient has the shape of the value it differentiates.";
            }
        }
        catch (SymbolicException error)
        {
            shapeProblem = error.Message;
        }

        if (shapeProblem is null)
        {
            // The claim is judged by central differences, which do not depend on the derivation.
            var claimed = instance.Evaluator.Evaluate(typed!);
            double scale = Math.Max(1.0, Math.Abs(instance.Loss()));
            numbers = NumericCheck.Compare("d" + target, InClaimWords(typed!), claimed,
                instance.CentralDifferences(target), scale);
        }

        var differences = new List<string>();
        string? correction = null;
        if (!(shapeProblem is null && numbers!.Passed))
        {
            var found = Explain(body, inference, expected, instance, reference);
            if (found is not null)
            {
                differences.AddRange(found.Value.Edits);

                // A claim off by a factor reads better replaced by the derived formula than
                // multiplied back, which would give B·mean(dY) for a sum.
                correction = found.Value.HasFactor
                    ? derived
                    : $"d{target} = {InClaimWords(found.Value.Corrected)}";
            }
        }

        return new ClaimReport(forward, claim.Trim(), "d" + target, shapeProblem, numbers, derived,
            differences, correction, derivation);
    }

    private static (string Target, Expression Body) ParseClaim(string claim, TypedProgram program)
    {
        var statements = Parser.ParseProgram(claim);
        var statement = statements[0];
        if (statements.Count > 1)
        {
            throw new SymbolicException("A claim is one statement, such as dW = X' dY.", claim,
                statements[1].Value.Span);
        }

        string inputs = string.Join(", ", program.Inputs.Select(name => "d" + name));
        if (statement.Name is null)
        {
            throw new SymbolicException($"Write the claim as dV = expression, for example " +
                $"d{program.Inputs.FirstOrDefault() ?? "W"} = ...; gradients: {inputs}.", claim,
                statement.Value.Span);
        }

        string target = statement.Name.Length > 1 && statement.Name[0] == 'd' ? statement.Name[1..] : "";
        if (!program.Inputs.Contains(target))
        {
            throw new SymbolicException($"{statement.Name} is not the gradient of an input; " +
                $"gradients: {inputs}.", claim, statement.NameSpan);
        }

        return (target, statement.Value);
    }

    // A name the claim cannot use is a typo or a slip of vocabulary, such as dy or G_Y. Shape
    // inference would ask for its shape to be declared, which misleads.
    private static void RejectUnknownNames(string claim, Expression body, TypedProgram program)
    {
        var values = program.Shapes.Keys.ToList();

        // A claim's body mostly uses the gradients of assigned values, such as dY, so a tie of
        // suggestions goes to them first, then to the values, then to the inputs' gradients.
        var assigned = program.Statements.Select(statement => "d" + statement.Name).Reverse();
        var usable = assigned.Concat(values).Concat(values.Select(name => "d" + name))
            .Distinct().ToList();
        var unknown = TypedProgram.NameNodes(body).FirstOrDefault(node => !usable.Contains(node.Name) &&
            !program.Dimensions.Contains(node.Name));
        if (unknown is null)
        {
            return;
        }

        string message = $"{unknown.Name} is not a name of the forward statements. A claim may " +
            $"use {string.Join(", ", values)} and their gradients " +
            $"{string.Join(", ", values.Select(name => "d" + name))}.";
        if (ClosestName(unknown.Name, usable) is { } closest)
        {
            message += $" Did you mean {closest}?";
        }

        throw new SymbolicException(message, claim, unknown.Span);
    }

    // Returns the usable name nearest to the typed one, ignoring case, or null when even the
    // nearest differs in more than a third of its letters (at least one). G_V, the derivation's
    // word for ∂L/∂V, maps to dV.
    private static string? ClosestName(string typed, IReadOnlyList<string> usable)
    {
        if (typed.StartsWith("G_", StringComparison.Ordinal) && usable.Contains("d" + typed[2..]))
        {
            return "d" + typed[2..];
        }

        int allowed = Math.Max(1, typed.Length / 3);
        return usable
            .Select(name => (Name: name, Distance: Levenshtein(typed.ToLowerInvariant(),
                name.ToLowerInvariant())))
            .Where(candidate => candidate.Distance <= allowed)
            .OrderBy(candidate => candidate.Distance)
            .Select(candidate => candidate.Name)
            .FirstOrDefault();
    }

    // Returns the Levenshtein distance: the minimum number of insertions, deletions and
    // substitutions that turn one text into the other.
    private static int Levenshtein(string source, string target)
    {
        var previous = Enumerable.Range(0, target.Length + 1).ToArray();
        for (int i = 1; i <= source.Length; i++)
        {
            var current = new int[target.Length + 1];
            current[0] = i;
            for (int j = 1; j <= target.Length; j++)
            {
                int replace = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1);
                current[j] = Math.Min(replace, Math.Min(previous[j], current[j - 1]) + 1);
            }

            previous = current;
        }

        return previous[target.Length];
    }

    private static string InClaimWords(Expression expression) =>
        MathText.Plain(Rename(expression));

    // The claim's vocabulary names ∂L/∂V dV, where a derivation writes G_V.
    private static Expression Rename(Expression expression) => expression switch
    {
        GradientExpression g => new NameExpression("d" + g.Name),
        _ when !expression.Children.Any() => expression,
        _ => expression.WithChildren(expression.Children.Select(Rename).ToList()),
    };

    private static (List<string> Edits, Expression Corrected, bool HasFactor)? Explain(Expression body,
        ShapeInference inference, MatrixShape expected, NumericInstance instance, Tensor reference)
    {
        var factors = Factors(instance.Evaluator.Sizes);
        var level = new List<(Expression Candidate, List<string> Edits)> { (body, []) };
        for (int edits = 0; edits <= MaxEdits; edits++)
        {
            // Of the matches with this many edits, prefer one that keeps the claim's outer form.
            var best = level
                .Select(entry => (entry.Candidate, entry.Edits,
                    Factor: Match(entry.Candidate, inference, expected, instance, reference, factors)))
                .Where(entry => entry.Factor is not null)
                .OrderBy(entry => entry.Edits.Count(
                    edit => edit.StartsWith(WholeTranspose, StringComparison.Ordinal)))
                .ThenBy(entry => entry.Factor!.IsOne ? 0 : 1)
                .FirstOrDefault();
            if (best.Factor is { } factor)
            {
                var descriptions = best.Edits.ToList();
                var corrected = inference.Infer(best.Candidate).Value;
                if (!factor.IsOne)
                {
                    descriptions.Add(DescribeFactor(factor));
                    corrected = Simplifier.Scale(factor.Reciprocal(), corrected);
                }

                return (descriptions, Simplifier.Simplify(corrected), !factor.IsOne);
            }

            if (edits == MaxEdits)
            {
                break;
            }

            level = level.SelectMany(entry => Edits(entry.Candidate)
                .Select(edit => (edit.Result, entry.Edits.Append(edit.Description).ToList()))).ToList();
        }

        return null;
    }

    // Returns k when the candidate equals k times the derived gradient for a k of the list.
    private static Coefficient? Match(Expression candidate, ShapeInference inference, MatrixShape expected,
        NumericInstance instance, Tensor reference, IReadOnlyList<Coefficient> factors)
    {
        Tensor value;
        try
        {
            var (typed, shape) = inference.Infer(candidate);
            if (shape != expected)
            {
                return null;
            }

            value = instance.Evaluator.Evaluate(typed);
        }
        catch (SymbolicException)
        {
            return null;
        }

        foreach (var factor in factors)
        {
            var scaled = reference.Scale(factor.Evaluate(instance.Evaluator.Sizes));
            if (NumericCheck.Compare("", "", value, scaled).MaxRelativeError <= MatchTolerance &&
                value.Length > 0 && !IsZero(scaled))
            {
                return factor;
            }
        }

        return null;
    }

    private static bool IsZero(Tensor tensor)
    {
        foreach (double value in tensor.Span)
        {
            if (value != 0)
            {
                return false;
            }
        }

        return true;
    }

    private static List<Coefficient> Factors(IReadOnlyDictionary<string, int> sizes)
    {
        var factors = new List<Coefficient> { Coefficient.One, Coefficient.MinusOne,
            Coefficient.FromInteger(2), Coefficient.FromInteger(2).Reciprocal() };
        foreach (string dimension in sizes.Keys)
        {
            var size = Coefficient.FromDimension(Dimension.Of(dimension));
            factors.Add(size.Reciprocal());
            factors.Add(size);
        }

        return factors;
    }

    private static string DescribeFactor(Coefficient factor)
    {
        string text = MathText.Constant(factor, false);
        if (factor.IsMinusOne)
        {
            return "the claim has the wrong sign: it is -1 times the derived gradient.";
        }

        if (!factor.IsNumber && factor.Powers.Values.All(power => power < 0))
        {
            string dimension = string.Join("·", factor.Powers.Keys);
            return $"the claim is {text} times the derived gradient: it divides by {dimension}, as a " +
                $"mean over {dimension} would, but L does not average over {dimension} here, so the " +
                "gradient sums instead.";
        }

        return $"the claim is {text} times the derived gradient; remove that factor.";
    }

    // Every single change of a claim, the most natural first: swap the operands of one product,
    // transpose one name, drop the transpose of one name, transpose the whole claim.
    private static IEnumerable<(Expression Result, string Description)> Edits(Expression claim)
    {
        var positions = Positions(claim, e => e).ToList();
        foreach (var (node, replace) in positions)
        {
            if (node is BinaryExpression { Operator: BinaryOperator.MatMul } product)
            {
                yield return (replace(product with { Left = product.Right, Right = product.Left }),
                    $"swap the operands of {Text(product)}");
            }
        }

        foreach (var (node, replace) in positions)
        {
            if (node is NameExpression name)
            {
                yield return (replace(new TransposeExpression(node)), $"transpose {name.Name}");
            }
        }

        foreach (var (node, replace) in positions)
        {
            if (node is TransposeExpression { Operand: NameExpression transposed })
            {
                yield return (replace(transposed), $"drop the transpose of {transposed.Name}");
            }
        }

        yield return (new TransposeExpression(claim), WholeTranspose + Text(claim));
    }

    private const string WholeTranspose = "transpose the whole claim ";

    private static IEnumerable<(Expression Node, Func<Expression, Expression> Replace)> Positions(
        Expression expression, Func<Expression, Expression> rebuild)
    {
        yield return (expression, rebuild);
        var children = expression.Children.ToList();
        for (int i = 0; i < children.Count; i++)
        {
            int index = i;
            Expression RebuildChild(Expression child)
            {
                var copy = children.ToList();
                copy[index] = child;
                return rebuild(expression.WithChildren(copy));
            }

            foreach (var position in Positions(children[i], RebuildChild))
            {
                yield return position;
            }
        }
    }

    private static string Text(Expression expression) => MathText.Plain(expression);
}
