using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// Checks analytic gradients against central differences in double, names the mistake when one
/// fails, and grades each gradient. A layer is checked through the scalar loss
/// L = Σ (R ⊙ Y) for a seeded random R, so that dY = ∂L/∂Y = R and each comparison tests the
/// vector-Jacobian product that Backward computes.
/// </summary>
/// <remarks>
/// Each gradient's shape is checked before any number is compared. Values are perturbed in place
/// and restored exactly, so the code under check must read them afresh on every call (see
/// <see cref="Parameter"/>). The same options, seed included, always give the same report.
/// </remarks>
public static class GradientCheck
{
    /// <summary>
    /// Checks dX and each parameter's gradient of <paramref name="layer"/> at
    /// <paramref name="input"/>. When the layer's output is X·W + b the diagnosis also uses the
    /// correct formulas and tries the swapped and wrong ones.
    /// </summary>
    /// <param name="layer">The layer to check: the bundled Linear or any implementation.</param>
    /// <param name="input">The input X, one row per example; B is its row count.</param>
    /// <param name="options">Tolerances, mode and seed; defaults when null.</param>
    /// <param name="subject">The name shown in the report; the layer's type name when null.</param>
    /// <param name="structure">What is known about the layer's formulas, when the caller knows
    /// more than the checker finds itself; null to detect an affine layer.</param>
    /// <exception cref="LayerCallException">The layer's Forward or Backward threw; the inner
    /// exception is what it threw.</exception>
    /// <exception cref="InvalidOperationException">Forward returned null.</exception>
    public static GradientCheckReport CheckLayer(
        ILayer layer, Tensor input, GradientCheckOptions? options = null, string? subject = null,
        IGradientStructure? structure = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        options ??= new GradientCheckOptions();
        string type = layer.GetType().Name;

        var output = Forward(layer, input, type);
        var upstream = Upstream(output.Shape, options.Seed);
        var inputGradient = Call($"{type}.Backward", () => layer.Backward(upstream));

        // Keep the analytic gradients before any further pass can overwrite them.
        var targets = new List<GradientTarget> { new("dX", input, inputGradient?.Clone()) };
        foreach (var parameter in layer.Parameters)
        {
            targets.Add(new GradientTarget(UniqueName(parameter.GradientName, targets),
                parameter.Value, parameter.Grad?.Clone()));
        }

        structure ??= AffineStructure.TryDetect(layer, input, output, upstream);
        double Loss() => Forward(layer, input, type).Multiply(upstream).Sum();
        return Run(subject ?? $"{type}, X {input.Shape}", CheckKind.Layer, targets, Loss, options,
            input.Rows, structure);
    }

    /// <summary>
    /// Checks the gradient dY = ∂L/∂Y that the loss head <paramref name="loss"/> returns for the
    /// prediction Y = <paramref name="prediction"/> against <paramref name="target"/>.
    /// </summary>
    /// <param name="loss">The loss head to check.</param>
    /// <param name="prediction">The prediction Y, one row per example; B is its row count.</param>
    /// <param name="target">The target, passed to the loss unchanged.</param>
    /// <param name="options">Tolerances, mode and seed; defaults when null.</param>
    /// <param name="subject">The name shown in the report; the loss's type name when null.</param>
    /// <exception cref="LayerCallException">The loss's Forward or Backward threw.</exception>
    public static GradientCheckReport CheckLoss(
        ILoss loss, Tensor prediction, Tensor target, GradientCheckOptions? options = null,
        string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        options ??= new GradientCheckOptions();
        string type = loss.GetType().Name;

        double Loss() => Call($"{type}.Forward", () => loss.Forward(prediction, target));
        Loss();
        var gradient = Call($"{type}.Backward", loss.Backward);
        var targets = new List<GradientTarget> { new("dY", prediction, gradient?.Clone()) };
        return Run(subject ?? $"{type}, Y {prediction.Shape}", CheckKind.LossHead, targets, Loss,
            options, prediction.Rows, null);
    }

    /// <summary>
    /// Checks the gradients claimed for the inputs of the scalar function
    /// <paramref name="function"/>. The function receives copies of the claims' values in the
    /// claims' order, which the check perturbs in place.
    /// </summary>
    /// <param name="function">The scalar function f of the inputs.</param>
    /// <param name="claims">Each input with its claimed gradient ∂f/∂(input).</param>
    /// <param name="options">Tolerances, mode and seed; defaults when null.</param>
    /// <param name="subject">The name shown in the report; <c>f</c> when null.</param>
    /// <param name="batchSize">The B that factors such as 1/B refer to; the first input's row
    /// count when null.</param>
    /// <exception cref="ArgumentException">No claim was given.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is less than 1.
    /// </exception>
    /// <exception cref="LayerCallException">The function threw.</exception>
    public static GradientCheckReport CheckFunction(
        Func<IReadOnlyList<Tensor>, double> function, IReadOnlyList<GradientClaim> claims,
        GradientCheckOptions? options = null, string? subject = null, int? batchSize = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(claims);
        if (claims.Count == 0)
        {
            throw new ArgumentException(
                "CheckFunction: no input was given; pass at least one GradientClaim.",
                nameof(claims));
        }

        if (batchSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize,
                "CheckFunction: the batch size must be at least 1.");
        }

        options ??= new GradientCheckOptions();
        var inputs = claims.Select(claim => claim.Value.Clone()).ToList();
        var targets = claims
            .Select((claim, i) => new GradientTarget("d" + claim.Name, inputs[i],
                claim.Gradient?.Clone()))
            .ToList();
        double Loss() => Call("the function", () => function(inputs));
        return Run(subject ?? "f", CheckKind.Function, targets, Loss, options,
            batchSize ?? inputs[0].Rows, null);
    }

    /// <summary>
    /// Draws dY uniformly from [-1, 1) with a seed derived from <paramref name="seed"/>. Drawing
    /// from the seed itself would make dY proportional to a weight that Linear.Create drew from
    /// the same seed, and then dY·Wᵀ is symmetric and a transpose goes unseen.
    /// </summary>
    internal static Tensor Upstream(Shape shape, int seed) =>
        Tensor.RandomUniform(shape, new Random(seed).Next());

    private static GradientCheckReport Run(
        string subject, CheckKind kind, List<GradientTarget> targets, Func<double> loss,
        GradientCheckOptions options, int batch, IGradientStructure? structure)
    {
        int evaluations = 1;
        double baseLoss = loss();
        var results = new List<GradientResult>();
        for (int index = 0; index < targets.Count; index++)
        {
            // Each gradient draws from its own generator, so that its probes do not depend on
            // how many the gradients before it used.
            var random = new Random(unchecked(options.Seed * 1_000_003 + index));
            results.Add(CheckTarget(targets[index], loss, baseLoss, options, batch, structure,
                random, ref evaluations));
        }

        return new GradientCheckReport(subject, results, options, batch, evaluations, kind,
            structure?.Description);
    }

    private static GradientResult CheckTarget(
        GradientTarget target, Func<double> loss, double baseLoss, GradientCheckOptions options,
        int batch, IGradientStructure? structure, Random random, ref int evaluations)
    {
        var (name, value, analytic) = target;
        var formula = structure?.FormulaOf(name);
        GradientResult Result(Tensor? numeric, IReadOnlyList<ProbeComparison> comparisons,
            GradientDiagnosis? diagnosis) =>
            new(name, value.Shape, analytic?.Shape, analytic, numeric, comparisons, options.Mode,
                formula?.Text, formula?.Latex, diagnosis);

        if (analytic is null)
        {
            return Result(null, [], MissingDiagnosis(name));
        }

        if (NonFiniteDiagnosis(name, analytic) is { } nonFinite)
        {
            return Result(null, [], nonFinite);
        }

        var probes = ProbeSet.Create(value, options, random);
        var numeric = CentralDifference.Estimate(value.Data, probes, loss, baseLoss, ref evaluations);
        var numericTensor = options.Mode == GradientCheckMode.Full
            ? Tensor.FromRowMajor(value.Shape, numeric.Select(probe => probe.Central).ToArray())
            : null;
        var diagnoser = new MistakeDiagnoser(name, value.Shape, probes, numeric, options, batch,
            structure);
        if (analytic.Shape != value.Shape)
        {
            return Result(numericTensor, [], diagnoser.ForShape(analytic));
        }

        var comparisons = ProbeComparer.Compare(probes, numeric, analytic.Span, options);
        var diagnosis = comparisons.All(comparison => comparison.Passed)
            ? null
            : diagnoser.ForValues(analytic, comparisons);
        return Result(numericTensor, comparisons, diagnosis);
    }

    // Layers stacked in one ILayer often reuse names such as W, so the second dW of a report
    // becomes "dW (2)" and every gradient stays addressable by name.
    private static string UniqueName(string name, List<GradientTarget> targets)
    {
        int count = targets.Count(target =>
            target.Name == name || target.Name.StartsWith(name + " (", StringComparison.Ordinal));
        return count == 0 ? name : $"{name} ({count + 1})";
    }

    private static GradientDiagnosis MissingDiagnosis(string name)
    {
        string message = name == "dX"
            ? "dX was not computed: Backward returned null, but it must return dX = ∂L/∂X."
            : name == "dY"
            ? "dY was not computed: the loss's Backward returned null, but it must return " +
                "dY = ∂L/∂Y."
            : $"{name} was not computed: Backward left it null. Set the parameter's Grad in " +
                "Backward.";
        return new GradientDiagnosis(GradientMistake.NotComputed, message, null, null, null,
            $@"{MistakeDiagnoser.Latex(name)} = \text{{null}}");
    }

    private static GradientDiagnosis? NonFiniteDiagnosis(string name, Tensor analytic)
    {
        var span = analytic.Span;
        int count = 0;
        int first = -1;
        for (int i = 0; i < span.Length; i++)
        {
            if (!double.IsFinite(span[i]))
            {
                count++;
                first = first < 0 ? i : first;
            }
        }

        if (count == 0)
        {
            return null;
        }

        string where = $"[{first / analytic.Columns},{first % analytic.Columns}]";
        string value = Rendering.NumberText.Format(span[first]);
        return new GradientDiagnosis(GradientMistake.NonFinite,
            $"{name} has {count} non-finite element{(count == 1 ? "" : "s")}, the first at " +
            $"{where} ({value}). Look for a division by zero, a log of 0 or an overflow in " +
            "Backward.", null, null, null,
            $@"{MistakeDiagnoser.Latex(name)}_{{{where.Trim('[', ']')}}} = \text{{{value}}}");
    }

    private static Tensor Forward(ILayer layer, Tensor input, string type) =>
        Call($"{type}.Forward", () => layer.Forward(input)) ?? throw new InvalidOperationException(
            $"{type}.Forward returned null; it must return the output Y.");

    private static T Call<T>(string member, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception error) when (error is not LayerCallException)
        {
            throw new LayerCallException(member, error);
        }
    }
}
