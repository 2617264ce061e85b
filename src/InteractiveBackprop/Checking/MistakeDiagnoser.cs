using System.Globalization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Checking;

/// <summary>
/// Finds why a gradient failed by testing each known mistake against the central differences:
/// the wrong shape first, then all zeros, a constant factor, a transpose, a known wrong formula,
/// and a failure confined to some elements.
/// </summary>
internal sealed class MistakeDiagnoser
{
    /// <summary>
    /// The relative tolerance of a diagnosis match. A match compares a transformed analytic
    /// gradient with central differences accurate to about 1e-9, and it must not depend on how
    /// tight a user set the pass rule.
    /// </summary>
    public const double MatchTolerance = 1e-5;

    // Two computations of one formula in different orders agree to a few ulps of the largest
    // element, so a formula match allows 1e-9 of that.
    private const double FormulaTolerance = 1e-9;

    private readonly string _name;
    private readonly string _valueName;
    private readonly Shape _expected;
    private readonly ProbeSet _probes;
    private readonly NumericProbe[] _numeric;
    private readonly bool[] _usable;
    private readonly GradientCheckOptions _options;
    private readonly int _batch;
    private readonly IGradientStructure? _structure;

    public MistakeDiagnoser(
        string name, Shape expected, ProbeSet probes, NumericProbe[] numeric,
        GradientCheckOptions options, int batch, IGradientStructure? structure)
    {
        _name = name;
        _valueName = name.Length > 1 && name[0] == 'd' ? name[1..] : name;
        _expected = expected;
        _probes = probes;
        _numeric = numeric;
        _options = options;
        _batch = batch;
        _structure = structure;
        double scale = numeric.Where(probe => probe.IsFinite)
            .Select(probe => Math.Abs(probe.Central)).DefaultIfEmpty(0).Max();
        _usable = numeric
            .Select(probe => probe.IsFinite && !ProbeComparer.IsNearKink(probe, scale))
            .ToArray();
    }

    /// <summary>Diagnoses a gradient of the wrong shape.</summary>
    public GradientDiagnosis ForShape(Tensor analytic)
    {
        var actual = analytic.Shape;
        string reason = string.Create(CultureInfo.InvariantCulture,
            $"{_name} has shape {actual} but {_valueName} has shape {_expected}. A gradient " +
            $"has the shape of what it differentiates, because ∂L/∂{_valueName} holds one " +
            $"number per element of {_valueName}, so no values can make this one right.");
        string shapeLatex = string.Create(CultureInfo.InvariantCulture,
            $@"\text{{shape}}({Latex(_name)}) = {actual} \neq {_expected}");

        var formula = MatchFormula(analytic);
        if (formula is { } match && match.Candidate.Mistake == GradientMistake.SwappedOperands)
        {
            return FormulaDiagnosis(match.Candidate, match.Factor, reason + " ");
        }

        if (actual.Rows == _expected.Columns && actual.Columns == _expected.Rows)
        {
            double? factor = FitFactor(analytic.Transpose());
            string values = factor is null
                ? " Its transpose does not match the central differences either, so more than " +
                    "the orientation is wrong."
                : $" Its transpose matches the central differences{FactorClause(factor.Value)}.";
            return Diagnosis(GradientMistake.Transposed,
                reason + $" It is transposed: [{actual.Rows},{actual.Columns}] is " +
                $"{_expected}ᵀ.{values} Swap the operands of the product or transpose it.",
                factor, shapeLatex);
        }

        if (_expected.Rows == 1 && actual.Columns == _expected.Columns && actual.Rows > 1)
        {
            double? factor = FitFactor(analytic.Sum(axis: 0));
            string values = factor is null
                ? " Its column sums do not match the central differences either."
                : $" Its column sums match the central differences{FactorClause(factor.Value)}.";
            return Diagnosis(GradientMistake.NotReducedOverBatch,
                reason + string.Create(CultureInfo.InvariantCulture,
                    $" It has {actual.Rows} rows, one per example: the sum over the batch is " +
                    $"missing. {_valueName} is shared by every example, so its gradient sums the " +
                    $"per-example contributions (the column sums).{values}"),
                factor, shapeLatex);
        }

        if (formula is { } other)
        {
            return FormulaDiagnosis(other.Candidate, other.Factor, reason + " ");
        }

        return Diagnosis(GradientMistake.WrongShape, reason, null, shapeLatex);
    }

    /// <summary>Diagnoses a gradient of the right shape that failed the comparison.</summary>
    public GradientDiagnosis ForValues(Tensor analytic, IReadOnlyList<ProbeComparison> comparisons)
    {
        if (_numeric.Any(probe => !probe.IsFinite))
        {
            return Diagnosis(GradientMistake.LossNotFinite,
                $"The loss is not finite when {_valueName} is perturbed by the step, so no " +
                "central difference exists there. Check the forward pass for an overflow, a log " +
                "of 0 or a division by 0.", null, @"L(x \pm h) \notin \mathbb{R}");
        }

        if (analytic.Span.ToArray().All(value => value == 0))
        {
            double largest = _numeric.Max(probe => Math.Abs(probe.Central));
            return Diagnosis(GradientMistake.AllZero, string.Create(CultureInfo.InvariantCulture,
                $"{_name} is all zeros while the central differences are not (largest " +
                $"{largest:G3}): it was never computed. Assign it in Backward."),
                null, $@"{Latex(_name)} = 0");
        }

        double? factor = FitFactor(analytic);
        if (factor is { } c && c != 1)
        {
            return ScaledDiagnosis(c);
        }

        if (_expected.Rows == _expected.Columns)
        {
            double? transposed = FitFactor(analytic.Transpose());
            if (transposed is not null)
            {
                return Diagnosis(GradientMistake.Transposed,
                    $"{_name} is the transpose of the true gradient: {_name}ᵀ matches the " +
                    $"central differences{FactorClause(transposed.Value)}. Swap the operands " +
                    "of the product or transpose it.", transposed,
                    $@"{Latex(_name)}^\top = {Truth()}");
            }
        }

        if (MatchFormula(analytic) is { } match)
        {
            return FormulaDiagnosis(match.Candidate, match.Factor, "");
        }

        return PartialDiagnosis(comparisons);
    }

    private GradientDiagnosis ScaledDiagnosis(double factor)
    {
        var known = KnownFactor.Match(factor, _batch);
        string message = known is null
            ? string.Create(CultureInfo.InvariantCulture,
                $"{_name} is {factor:G6} times the true gradient at every compared element. " +
                $"No common mistake gives that factor, so look for a stray constant.")
            : $"{_name} is {known.Name} times the true gradient, where {known.Meaning}.";
        string latex = $@"{Latex(_name)} = {FactorLatex(factor, known)}\,{Truth()}";
        return new GradientDiagnosis(GradientMistake.Scaled, message, factor, known?.Name, null,
            latex);
    }

    private GradientDiagnosis PartialDiagnosis(IReadOnlyList<ProbeComparison> comparisons)
    {
        var failed = comparisons.Where(comparison => !comparison.Passed).ToList();
        double maxRelative = comparisons.Max(comparison => comparison.RelativeError);
        string band = ErrorBands.Describe(ErrorBands.Classify(maxRelative));
        if (_probes.IsDirectional || failed.Count == comparisons.Count)
        {
            return Diagnosis(GradientMistake.Unexplained, string.Create(
                CultureInfo.InvariantCulture,
                $"{_name} differs from the central differences (max relative error " +
                $"{maxRelative:G3}, {band}). It is not transposed, not a constant times the " +
                $"true gradient, not all zero, and matches no known wrong formula."),
                null, $@"{Latex(_name)} \neq {Truth()}");
        }

        var rows = failed.Select(comparison => comparison.Row).Distinct().ToList();
        var columns = failed.Select(comparison => comparison.Column).Distinct().ToList();
        string where = rows.Count == 1 && failed.Count > 1 ? $", all in row {rows[0]}"
            : columns.Count == 1 && failed.Count > 1 ? $", all in column {columns[0]}"
            : "";
        string labels = string.Join(", ", failed.Take(5).Select(comparison => comparison.Label)) +
            (failed.Count > 5 ? ", …" : "");
        return Diagnosis(GradientMistake.PartlyWrong, string.Create(
            CultureInfo.InvariantCulture,
            $"{failed.Count} of {comparisons.Count} compared elements of {_name} are wrong" +
            $"{where} ({labels}), and the rest agree, so the formula holds for some elements " +
            $"only. Look for an index, a boundary case or a term missing from some elements."),
            null, $@"{Latex(_name)} \neq {Truth()}");
    }

    private GradientDiagnosis FormulaDiagnosis(
        GradientCandidate candidate, double factor, string prefix)
    {
        var known = factor == 1 ? null : KnownFactor.Match(factor, _batch);
        string scaled = factor == 1 ? "" : known is null
            ? string.Create(CultureInfo.InvariantCulture, $" times {factor:G6}")
            : $" times {known.Name}";
        string correct = _structure?.FormulaOf(_name) is { } formula
            ? $" The correct form is {_name} = {formula.Text}."
            : "";
        string latexFactor = factor == 1 ? "" : FactorLatex(factor, known) + @"\,";
        return new GradientDiagnosis(candidate.Mistake,
            $"{prefix}{_name} equals {candidate.Formula}{scaled}: {candidate.Explanation}." +
            correct, factor == 1 ? null : factor, known?.Name, candidate.Formula,
            $"{Latex(_name)} = {latexFactor}{candidate.Latex}");
    }

    private (GradientCandidate Candidate, double Factor)? MatchFormula(Tensor analytic)
    {
        if (_structure is null)
        {
            return null;
        }

        foreach (var candidate in _structure.CandidatesFor(_name))
        {
            if (candidate.Value.Shape == analytic.Shape &&
                FitExact(analytic.Span, candidate.Value.Span) is { } factor &&
                (factor == 1 || KnownFactor.Match(factor, _batch) is not null))
            {
                return (candidate, factor);
            }
        }

        return null;
    }

    // Returns c when candidate·c reproduces the probes of the central differences, rounded to
    // exactly 1 when it is 1 within the tolerance.
    private double? FitFactor(Tensor candidate)
    {
        double cross = 0;
        double norm = 0;
        var values = new double[_probes.Count];
        for (int p = 0; p < _probes.Count; p++)
        {
            if (!_usable[p])
            {
                continue;
            }

            values[p] = _probes.Project(candidate.Span, p);
            cross += values[p] * _numeric[p].Central;
            norm += _numeric[p].Central * _numeric[p].Central;
        }

        if (!(norm > 0) || !double.IsFinite(cross))
        {
            return null;
        }

        double factor = cross / norm;
        if (factor == 0)
        {
            return null;
        }

        double floor = Math.Max(_options.AbsoluteTolerance, 1e-12) * Math.Max(1, Math.Abs(factor));
        for (int p = 0; p < _probes.Count; p++)
        {
            double expected = factor * _numeric[p].Central;
            if (_usable[p] &&
                !(Math.Abs(values[p] - expected) <= floor + MatchTolerance * Math.Abs(expected)))
            {
                return null;
            }
        }

        return Math.Abs(factor - 1) <= MatchTolerance ? 1 : factor;
    }

    private static double? FitExact(ReadOnlySpan<double> analytic, ReadOnlySpan<double> candidate)
    {
        double cross = 0;
        double norm = 0;
        double largest = 0;
        for (int i = 0; i < analytic.Length; i++)
        {
            cross += analytic[i] * candidate[i];
            norm += candidate[i] * candidate[i];
            largest = Math.Max(largest, Math.Abs(analytic[i]));
        }

        if (!(norm > 0) || !(largest > 0))
        {
            return null;
        }

        double factor = cross / norm;
        for (int i = 0; i < analytic.Length; i++)
        {
            if (!(Math.Abs(analytic[i] - factor * candidate[i]) <= FormulaTolerance * largest))
            {
                return null;
            }
        }

        return Math.Abs(factor - 1) <= FormulaTolerance ? 1 : factor;
    }

    private string FactorClause(double factor)
    {
        if (factor == 1)
        {
            return "";
        }

        var known = KnownFactor.Match(factor, _batch);
        return known is null
            ? string.Create(CultureInfo.InvariantCulture, $" after scaling by {1 / factor:G6}")
            : $", and it is also scaled by {known.Name}: {known.Meaning}";
    }

    private GradientDiagnosis Diagnosis(
        GradientMistake mistake, string message, double? factor, string latex)
    {
        var known = factor is { } c && c != 1 ? KnownFactor.Match(c, _batch) : null;
        return new GradientDiagnosis(mistake, message, factor is 1 ? null : factor, known?.Name,
            null, latex);
    }

    private string Truth() => $@"\frac{{\partial L}}{{\partial {_valueName}}}";

    private static string FactorLatex(double factor, KnownFactor? known) => known?.Name switch
    {
        "1/B" => @"\frac{1}{B}",
        "1/B²" => @"\frac{1}{B^2}",
        "-1/B" => @"-\frac{1}{B}",
        "-1/B²" => @"-\frac{1}{B^2}",
        "1/2" => @"\frac{1}{2}",
        "-1/2" => @"-\frac{1}{2}",
        { } name => name,
        null => factor.ToString("G6", CultureInfo.InvariantCulture),
    };

    /// <summary>Writes a gradient name such as <c>dW</c> as LaTeX: <c>\texttt{dW}</c>, the
    /// value the code computed, because \mathrm{d}W is the differential in a derivation.</summary>
    internal static string Latex(string name) => $@"\texttt{{{name}}}";
}
