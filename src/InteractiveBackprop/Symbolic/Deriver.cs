namespace InteractiveBackprop.Symbolic;

/// <summary>
/// Derives the gradients of a typed program by reverse-mode differentials: from the output
/// back, each statement V = E contributes G_V : dV, dV is expanded by the differential rules,
/// and the Frobenius rules move every operation onto the gradient until each term reads
/// (C) : dU, so that C is U's share of ∂L/∂U.
/// </summary>
internal static class Deriver
{
    public static Derivation Derive(TypedProgram program, IReadOnlyList<string> withRespectTo)
    {
        var variables = withRespectTo.Concat(program.Statements.Select(s => s.Name))
            .ToHashSet(StringComparer.Ordinal);
        var inference = program.Inference();
        var differentials = new Differentials(variables, inference);
        var rules = new FrobeniusRules(inference);
        var shares = new Dictionary<string, List<Expression>>(StringComparer.Ordinal);
        var sections = new List<DerivationSection>();
        var intermediates = new List<GradientFormula>();
        var output = program.Output;

        for (int i = program.Statements.Count - 1; i >= 0; i--)
        {
            var statement = program.Statements[i];
            bool isOutput = i == program.Statements.Count - 1;
            var lines = new List<DerivationLine>();
            Expression gradient;
            if (isOutput)
            {
                gradient = program.OutputIsLoss
                    ? new ConstantExpression(Coefficient.One)
                    : new GradientExpression(statement.Name);
            }
            else if (shares.TryGetValue(statement.Name, out var parts))
            {
                var collected = Collect(parts);
                intermediates.Add(new GradientFormula(statement.Name, collected, statement.Shape, true));
                lines.Add(new DerivationLine(new GradientExpression(statement.Name), [collected],
                    $"collect the terms of d{statement.Name}: ∂L/∂{statement.Name}"));
                gradient = new GradientExpression(statement.Name);
            }
            else
            {
                sections.Add(new DerivationSection($"{statement.Name} does not affect L", []));
                continue;
            }

            var (expansion, differential) = differentials.Expand(statement.Value,
                statement.Value is FunctionExpression or SoftmaxExpression ? statement.Name : null);
            var expansionLines = expansion.ToList();
            expansionLines[0] = expansionLines[0] with { Left = new DifferentialExpression(statement.Name) };
            sections.Add(new DerivationSection(
                $"Differential of {statement.Name} = {MathText.Plain(statement.Value)}", expansionLines));
            if (differential is null)
            {
                continue;
            }

            var dV = new DifferentialExpression(statement.Name);
            List<Expression> terms;
            if (isOutput && program.OutputIsLoss)
            {
                // A term that is already a Frobenius product A : dV needs no factor 1 in front.
                terms = Simplifier.Flatten(differential)
                    .Select(term => term is BinaryExpression { Operator: BinaryOperator.Frobenius } product
                        && !product.Left.HasDifferential
                            ? term
                            : FrobeniusRules.Frobenius(gradient, term)).ToList();
                lines.Add(new DerivationLine(dV, terms.ToList(), "substitute the differential"));
            }
            else
            {
                string rule = isOutput
                    ? $"G_{statement.Name} = ∂L/∂{statement.Name} arrives from the loss"
                    : "the share of dL that passes through " + statement.Name;
                terms = [FrobeniusRules.Frobenius(gradient, differential)];
                lines.Add(new DerivationLine(FrobeniusRules.Frobenius(gradient, dV), terms.ToList(), rule));
            }

            lines.AddRange(rules.Rearrange(terms));
            foreach (var term in terms)
            {
                var (share, target) = FrobeniusRules.Split(term);
                string name = ((DifferentialExpression)target).Name;
                if (!shares.TryGetValue(name, out var list))
                {
                    shares[name] = list = [];
                }

                list.Add(share);
            }

            sections.Add(new DerivationSection($"Gradients through {statement.Name}", lines));
        }

        var gradients = new List<GradientFormula>(intermediates);
        var result = new List<DerivationLine>();
        foreach (string name in withRespectTo)
        {
            var shape = program.Shapes[name];
            if (!shares.TryGetValue(name, out var parts))
            {
                gradients.Add(new GradientFormula(name, null, shape, false));
                continue;
            }

            var formula = Collect(parts);
            gradients.Add(new GradientFormula(name, formula, shape, false));
            result.Add(new DerivationLine(new GradientExpression(name), [formula],
                parts.Count > 1 ? $"add the {parts.Count} terms of d{name}" : $"read off the term of d{name}"));
        }

        sections.Add(new DerivationSection("Result", result));
        return new Derivation(program, withRespectTo, sections, gradients);
    }

    // Adds the shares of one gradient. Equal shares are counted before the sum is simplified,
    // so that (Y - T) + (Y - T) becomes 2·(Y - T) rather than 2·Y - 2·T.
    private static Expression Collect(IReadOnlyList<Expression> parts)
    {
        var groups = new List<(Coefficient Factor, Expression Body)>();
        foreach (var part in parts.Select(Simplifier.Simplify))
        {
            var (factor, body) = part is BinaryExpression
            {
                Operator: BinaryOperator.ScalarMultiply,
                Left: ConstantExpression constant,
            } multiple
                ? (constant.Value, multiple.Right)
                : (Coefficient.One, part);
            int index = groups.FindIndex(group => group.Body.Equals(body));
            var sum = index < 0 ? null : groups[index].Factor.TryAdd(factor);
            if (sum is null)
            {
                groups.Add((factor, body));
            }
            else
            {
                groups[index] = (sum, body);
            }
        }

        return Simplifier.Simplify(groups.Select(group => Simplifier.Scale(group.Factor, group.Body))
            .Aggregate(Simplifier.Sum));
    }
}
