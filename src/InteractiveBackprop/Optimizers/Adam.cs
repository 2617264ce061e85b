using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors.Simd;

namespace InteractiveBackprop.Optimizers;

/// <summary>
/// Adam (Kingma and Ba, 2015), in the order of operations of PyTorch's <c>optim.Adam</c>: at
/// step t, m = β₁·m + (1 − β₁)·g and v = β₂·v + (1 − β₂)·g², then
/// p = p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε).
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly double[][] _first;
    private readonly double[][] _second;

    /// <summary>Creates the optimiser with PyTorch's defaults.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η, finite and greater than 0.</param>
    /// <param name="beta1">β₁, the decay of the mean of g, in [0, 1).</param>
    /// <param name="beta2">β₂, the decay of the mean of g², in [0, 1).</param>
    /// <param name="epsilon">ε, finite and greater than 0, which keeps the step finite where v
    /// is 0.</param>
    /// <param name="schedule">A factor of η for each step, counted from 0; constant when null.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A hyperparameter is out of range.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty.</exception>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8,
        Func<int, double>? schedule = null)
        : base(parameters, learningRate, schedule)
    {
        CheckDecay(beta1, nameof(beta1));
        CheckDecay(beta2, nameof(beta2));
        if (!(epsilon > 0) || !double.IsFinite(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon,
                "Adam: epsilon must be finite and greater than 0.");
        }

        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _first = Parameters.Select(p => new double[p.Value.Length]).ToArray();
        _second = Parameters.Select(p => new double[p.Value.Length]).ToArray();
    }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override void Update(int index, double[] value, double[] grad, double rate)
    {
        var m = _first[index];
        var v = _second[index];
        double correction1 = 1.0 - Math.Pow(Beta1, StepCount);
        double correction2Root = Math.Sqrt(1.0 - Math.Pow(Beta2, StepCount));
        double stepSize = rate / correction1;
        AdamLoop.Step(value, grad, m, v,
            new AdamLoop.Factors(Beta1, Beta2, stepSize, correction2Root, Epsilon));
    }

    private static void CheckDecay(double beta, string name)
    {
        if (!(beta >= 0 && beta < 1))
        {
            throw new ArgumentOutOfRangeException(name, beta,
                $"Adam: {name} must be at least 0 and less than 1.");
        }
    }
}
