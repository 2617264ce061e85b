using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors.Simd;

namespace InteractiveBackprop.Optimizers;

/// <summary>
/// Stochastic gradient descent with momentum, as PyTorch's <c>optim.SGD</c> computes it (no
/// dampening): the velocity is v = g on the first step and v = μ·v + g afterwards, and each
/// parameter moves by p = p − η·v. With μ = 0 this is plain p = p − η·g.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly double[]?[] _velocity;

    /// <summary>Creates the optimiser.</summary>
    /// <param name="parameters">The parameters to update.</param>
    /// <param name="learningRate">η, finite and greater than 0.</param>
    /// <param name="momentum">μ, in [0, 1).</param>
    /// <param name="schedule">A factor of η for each step, counted from 0; constant when null.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">η or μ is out of range.</exception>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty.</exception>
    public Sgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0.0,
        Func<int, double>? schedule = null)
        : base(parameters, learningRate, schedule)
    {
        if (!(momentum >= 0 && momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(momentum), momentum,
                "Sgd: the momentum must be at least 0 and less than 1.");
        }

        Momentum = momentum;
        _velocity = new double[]?[Parameters.Count];
    }

    /// <summary>The momentum μ.</summary>
    public double Momentum { get; }

    /// <inheritdoc />
    protected override void Update(int index, double[] value, double[] grad, double rate)
    {
        if (Momentum == 0)
        {
            SimdLoops.Update<UpdateOperators.SubtractScaled>(value, grad, rate);
            return;
        }

        var velocity = _velocity[index];
        if (velocity is null)
        {
            velocity = (double[])grad.Clone();
            _velocity[index] = velocity;
        }
        else
        {
            SimdLoops.Update<UpdateOperators.ScaleAndAdd>(velocity, grad, Momentum);
        }

        SimdLoops.Update<UpdateOperators.SubtractScaled>(value, velocity, rate);
    }
}
