using System.Globalization;
using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>Formats a derivation, and its numeric check when given, as plain text.</summary>
internal static class DerivationText
{
    public static string Format(Derivation derivation, NumericCheckResult? numbers)
    {
        var text = new StringBuilder();
        if (derivation.Program.Declarations.Inferred.Count > 0)
        {
            text.AppendLine(InferredNote(derivation)).AppendLine();
        }

        text.AppendLine("Forward");
        foreach (var statement in derivation.Program.Statements)
        {
            text.AppendLine($"  {statement.Name} = {MathText.Plain(statement.Value)}    " +
                $"[{MathText.Shape(statement.Shape, false)}]");
        }

        foreach (var section in derivation.Sections)
        {
            text.AppendLine().AppendLine(section.Title);
            if (section.Lines.Count == 0)
            {
                continue;
            }

            var rows = section.Lines.Select(line => (
                Left: line.Left is null ? "" : MathText.Plain(line.Left),
                Right: MathText.Terms(line.Right, false), line.Rule)).ToList();
            int leftWidth = rows.Max(row => row.Left.Length);
            int rightWidth = Math.Min(72, rows.Max(row => row.Right.Length));
            foreach (var (left, right, rule) in rows)
            {
                text.Append("  ").Append(left.PadLeft(leftWidth)).Append(" = ")
                    .Append(right.PadRight(rightWidth)).Append("   [").Append(rule).AppendLine("]");
            }
        }

        // The derivation above writes differentials as dX; this section uses the code's names,
        // where dX is the gradient ∂L/∂X, so its heading says so.
        text.AppendLine().AppendLine(GradientsHeading);
        foreach (var gradient in derivation.Gradients.Where(g => !g.IsIntermediate))
        {
            string formula = gradient.Formula is null
                ? $"0 (L does not depend on {gradient.Name})"
                : MathText.Plain(gradient.Formula);
            text.AppendLine($"  d{gradient.Name} = ∂L/∂{gradient.Name} = {formula}    " +
                $"[{MathText.Shape(gradient.Shape, false)}]");
        }

        if (numbers is not null)
        {
            text.AppendLine().Append(NumbersText(numbers));
        }

        return text.ToString();
    }

    /// <summary>The heading of the summary that names each gradient as code does.</summary>
    public const string GradientsHeading =
        "Gradients as code names them (there dX is ∂L/∂X, not a differential)";

    public static string InferredNote(Derivation derivation)
    {
        var declarations = derivation.Program.Declarations;
        string inferred = string.Join(", ", declarations.Inferred.Select(name =>
            $"{name}: {MathText.Shape(declarations.Shapes[name], false)}"));
        return $"Shapes inferred: {inferred}. A name added to a matrix, with no other use that fixes " +
            "its rows, is taken as a [1,M] row broadcast over the batch; declare shapes with " +
            "--shapes to choose otherwise.";
    }

    public static string SizesText(NumericCheckResult numbers) => string.Join(", ",
        numbers.Sizes.Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.Key}={pair.Value}")));

    public static string NumbersText(NumericCheckResult numbers)
    {
        var text = new StringBuilder();
        string sizes = SizesText(numbers);
        text.AppendLine($"Numbers: central differences, seed {numbers.Seed}" +
            (sizes.Length == 0 ? "" : $", {sizes}") + $": {(numbers.Passed ? "PASSED" : "FAILED")}");
        foreach (var comparison in numbers.Comparisons)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"  {comparison.Name}: max abs error {Error(comparison.MaxAbsoluteError)}, max rel error " +
                $"{Error(comparison.MaxRelativeError)}, {(comparison.Passed ? "pass" : "FAIL")}"));
        }

        return text.ToString();
    }

    public static string Error(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.0e+0", CultureInfo.InvariantCulture);
}
