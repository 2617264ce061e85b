using System.Text;

namespace InteractiveBackprop.Symbolic;

/// <summary>Formats a derivation as LaTeX display math.</summary>
internal static class DerivationLatex
{
    public static string Format(Derivation derivation)
    {
        var latex = new StringBuilder("$$\\begin{aligned}\n");
        latex.Append(@"&\textbf{Forward}\\").Append('\n');
        foreach (var statement in derivation.Program.Statements)
        {
            latex.Append(MathText.Name(statement.Name, true)).Append(" &= ")
                .Append(MathText.Latex(statement.Value)).Append(@" && ")
                .Append(MathText.Shape(statement.Shape, true)).Append(@"\\").Append('\n');
        }

        foreach (var section in derivation.Sections)
        {
            latex.Append(@"&\textbf{").Append(Escape(section.Title)).Append(@"}\\").Append('\n');
            foreach (var line in section.Lines)
            {
                latex.Append(line.Left is null ? "" : Left(line.Left)).Append(" &= ")
                    .Append(MathText.Terms(line.Right, true)).Append(@" && \text{")
                    .Append(Escape(line.Rule)).Append(@"}\\").Append('\n');
            }
        }

        latex.Append("\\end{aligned}$$\n");
        latex.Append(Table(derivation));
        return latex.ToString();
    }

    public static string Table(Derivation derivation)
    {
        var latex = new StringBuilder("$$\\begin{array}{lll}\n");
        latex.Append(@"\text{gradient} & \text{formula} & \text{shape}\\ \hline").Append('\n');
        foreach (var gradient in derivation.Gradients.Where(g => !g.IsIntermediate))
        {
            string name = MathText.Name(gradient.Name, true);
            latex.Append($@"\frac{{\partial L}}{{\partial {name}}} & ")
                .Append(gradient.Formula is null ? "0" : MathText.Latex(gradient.Formula))
                .Append(" & ").Append(MathText.Shape(gradient.Shape, true)).Append(@"\\").Append('\n');
        }

        return latex.Append("\\end{array}$$").ToString();
    }

    private static string Left(Expression left) => left is GradientExpression g
        ? $@"\frac{{\partial L}}{{\partial {MathText.Name(g.Name, true)}}} = {MathText.Latex(left)}"
        : MathText.Latex(left);

    public static string Escape(string text) => text
        .Replace(@"\", @"\backslash ").Replace("{", @"\{").Replace("}", @"\}")
        .Replace("_", @"\_").Replace("#", @"\#").Replace("%", @"\%").Replace("&", @"\&")
        .Replace("$", @"\$").Replace("^", @"\^{}");
}
