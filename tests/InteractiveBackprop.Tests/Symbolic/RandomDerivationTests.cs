using System.Reflection;
using InteractiveBackprop.Symbolic;
using InteractiveBackprop.Tensors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace InteractiveBackprop.Tests.Symbolic;

public class RandomDerivationTests
{
    private const int Count = 40;

    // The emitted C# and the evaluator run the same tensor operations in the same order, so
    // they agree to a few ulps; 1e-12 relative leaves room for a different summation order.
    private const double CodeTolerance = 1e-12;

    [Fact]
    public void RandomPrograms_MatchCentralDifferences()
    {
        var generator = new RandomExpressions(seed: 7);
        for (int i = 0; i < Count; i++)
        {
            string source = generator.Program();

            var numbers = SymbolicDerivation.Derive(source, RandomExpressions.Shapes).CheckNumerically(i);

            Assert.NotEmpty(numbers.Comparisons);
            Assert.All(numbers.Comparisons, comparison => Assert.True(comparison.Passed,
                $"{source}: {comparison.Name} = {comparison.Formula}: max rel error " +
                $"{comparison.MaxRelativeError}, max abs error {comparison.MaxAbsoluteError}"));
        }
    }

    [Fact]
    public void EmittedCSharp_ComputesSameGradients()
    {
        var generator = new RandomExpressions(seed: 11);
        var derivations = Enumerable.Range(0, Count)
            .Select(_ => SymbolicDerivation.Derive(generator.Program(), RandomExpressions.Shapes)).ToList();
        var type = Compile(derivations);

        for (int i = 0; i < derivations.Count; i++)
        {
            var derivation = derivations[i];
            var instance = NumericInstance.Create(derivation.Program, seed: i);
            var values = Inputs(derivation, instance);
            if (!derivation.OutputIsScalar)
            {
                values["d" + derivation.OutputName] = instance.Evaluator.Gradients[derivation.OutputName];
            }

            var method = type.GetMethod("Backward" + i)!;
            var emitted = (Dictionary<string, Tensor>)method.Invoke(null, [values])!;
            NumericCheck.EvaluateIntermediates(instance, derivation.Gradients);

            foreach (var gradient in derivation.Gradients.Where(g => !g.IsIntermediate && g.Formula is not null))
            {
                var expected = instance.Evaluator.Evaluate(gradient.Formula!);
                var actual = emitted["d" + gradient.Name];
                var comparison = NumericCheck.Compare("d" + gradient.Name, "", actual, expected);
                bool close = comparison.MaxRelativeError <= CodeTolerance ||
                    comparison.MaxAbsoluteError <= CodeTolerance;
                Assert.True(close,
                    $"{derivation.Source}: d{gradient.Name} differs by {comparison.MaxRelativeError}");
            }
        }
    }

    [Fact]
    public void EmittedCSharp_CoversEveryConstruct()
    {
        string[] sources =
        [
            "H = relu(X W + b); Z = H V + c; L = softmax_ce(Z, T)",
            "L = tr(S) + mean(X, 0) c' + mean(X, axis=1)' R ones + sum(X, 1)' R ones",
            "L = ‖X‖² * sum(exp(X)) + sum(log(sigmoid(X)) .* tanh(X))",
            "H = softmax(X); L = sum(H .* T) + sum(softmax(X S) .* T)",
        ];
        const string shapes = "X: B×N, W: N×M, b: 1×M, V: M×N, c: 1×N, T: B×N, S: N×N, R: B×B, ones: B×1";
        var derivations = sources.Select(source => SymbolicDerivation.Derive(source, shapes)).ToList();

        var type = Compile(derivations);

        for (int i = 0; i < derivations.Count; i++)
        {
            var instance = NumericInstance.Create(derivations[i].Program, seed: 3);
            var values = Inputs(derivations[i], instance);
            var emitted = (Dictionary<string, Tensor>)type.GetMethod("Backward" + i)!.Invoke(null, [values])!;
            var numbers = derivations[i].CheckNumerically(3);
            foreach (var comparison in numbers.Comparisons)
            {
                var check = NumericCheck.Compare(comparison.Name, "", emitted[comparison.Name], comparison.Analytic);
                Assert.True(check.MaxAbsoluteError <= CodeTolerance * Math.Max(1, MaxAbs(comparison.Analytic)),
                    $"{sources[i]}: {comparison.Name} differs by {check.MaxAbsoluteError}");
                Assert.True(comparison.Passed, $"{sources[i]}: {comparison.Name} fails the numeric check");
            }
        }
    }

    private static Dictionary<string, Tensor> Inputs(Derivation derivation, NumericInstance instance) =>
        derivation.Program.Declarations.Shapes.Keys.ToDictionary(name => name, name => instance.Evaluator.Values[name]);

    private static double MaxAbs(Tensor tensor)
    {
        double max = 0;
        foreach (double value in tensor.Span)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }

    private static Type Compile(IReadOnlyList<Derivation> derivations)
    {
        var methods = derivations.Select((derivation, i) => derivation.ToCSharpMethod("Backward" + i));
        string source = "using System;\nusing InteractiveBackprop.Symbolic;\nusing InteractiveBackprop.Tensors;\n" +
            "public static class Generated\n{\n" + string.Join("\n", methods) + "}\n";
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Tensor).Assembly.Location));
        var compilation = CSharpCompilation.Create("Generated", [CSharpSyntaxTree.ParseText(source)],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());
        Assert.True(result.Success, string.Join("\n", errors) + "\n" + source);
        return Assembly.Load(stream.ToArray()).GetType("Generated")!;
    }
}
