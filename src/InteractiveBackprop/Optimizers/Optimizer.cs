using System.Globalization;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Optimizers;

/// <summary>
/// The shared part of the optimisers: the parameters to update, the learning rate and its
/// schedule, the step count, and the checks that every parameter has a gradient of its shape.
/// </summary>
/// <remarks>
/// The schedule is PyTorch's <c>LambdaLR</c> hook: step t (counted from 0) uses the learning rate
/// <see cref="LearningRate"/> · schedule(t). <see cref="LearningRateSchedules"/> has common ones.
/// Each step updates <see cref="Parameter.Value"/> in place, as PyTorch's optimisers do, so a
/// tensor read from <see cref="Parameter.Value"/> before a step changes with it. Keep a copy with
/// <see cref="Tensor.Clone"/>.
/// </remarks>
public abstract class Optimizer
{
    private readonly Func<int, double>? _schedule;

    // The shape of each parameter when the optimiser was created, which its state was sized for.
    private readonly Shape[] _shapes;

    /// <summary>Creates an optimiser of <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty, contains
    /// null, or contains a parameter twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="learningRate"/> is not
    /// finite and positive.</exception>
    protected Optimizer(
        IEnumerable<Parameter> parameters, double learningRate, Func<int, double>? schedule)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        string name = GetType().Name;
        if (Parameters.Count == 0)
        {
            throw new ArgumentException(
                $"{name}: no parameters were given; pass the model's Parameters.",
                nameof(parameters));
        }

        if (Parameters.Contains(null!))
        {
            throw new ArgumentException(
                $"{name}: the parameter list contains null.", nameof(parameters));
        }

        for (int i = 0; i < Parameters.Count; i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(Parameters[i], Parameters[j]))
                {
                    throw new ArgumentException(
                        $"{name}: parameter '{Parameters[i].Name}' is listed twice (at {j} and " +
                        $"{i}), so each step would update it twice; list it once.",
                        nameof(parameters));
                }
            }
        }

        if (!(learningRate > 0) || !double.IsFinite(learningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                $"{name}: the learning rate must be finite and greater than 0.");
        }

        LearningRate = learningRate;
        _schedule = schedule;
        _shapes = Parameters.Select(parameter => parameter.Value.Shape).ToArray();
    }

    /// <summary>The parameters that <see cref="Step"/> updates.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The base learning rate, which the schedule multiplies.</summary>
    public double LearningRate { get; }

    /// <summary>The number of steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>The learning rate that the next <see cref="Step"/> uses.</summary>
    /// <exception cref="InvalidOperationException">The schedule returns a negative or
    /// non-finite factor.</exception>
    public double CurrentLearningRate
    {
        get
        {
            if (_schedule is null)
            {
                return LearningRate;
            }

            double factor = _schedule(StepCount);
            if (!(factor >= 0) || !double.IsFinite(factor))
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"{GetType().Name}.Step: the learning-rate schedule returned {factor} for " +
                    $"step {StepCount}; it must return a finite factor of at least 0."));
            }

            return LearningRate * factor;
        }
    }

    /// <summary>Updates every parameter from its <see cref="Parameter.Grad"/>.</summary>
    /// <exception cref="InvalidOperationException">A parameter has no gradient, because no
    /// backward pass has run since the model was built or loaded; a parameter's value has
    /// another shape than when the optimiser was created; two parameters share one value
    /// tensor; or the schedule returns an invalid factor.</exception>
    /// <exception cref="TensorShapeException">A gradient's shape differs from its parameter's.
    /// </exception>
    public void Step()
    {
        for (int i = 0; i < Parameters.Count; i++)
        {
            var parameter = Parameters[i];
            var grad = parameter.Grad ?? throw new InvalidOperationException(
                $"{GetType().Name}.Step: parameter {i} ('{parameter.Name}') has no gradient; " +
                "run a backward pass (Backward on the loss) before each step.");
            if (parameter.Value.Shape != _shapes[i])
            {
                throw new InvalidOperationException(
                    $"{GetType().Name}.Step: parameter {i} ('{parameter.Name}') has shape " +
                    $"{parameter.Value.Shape}, but it had shape {_shapes[i]} when the optimiser " +
                    "was created. Optimisers size their state (momentum, Adam's moments) then, " +
                    "so create a new optimiser after changing a parameter's shape.");
            }

            if (grad.Shape != parameter.Value.Shape)
            {
                throw ShapeErrors.SameShape($"{GetType().Name}.Step",
                    $"the gradient {parameter.GradientName}", grad.Shape,
                    $"parameter '{parameter.Name}'", parameter.Value.Shape,
                    "a layer's backward pass must give each gradient its parameter's shape");
            }

            for (int j = 0; j < i; j++)
            {
                if (ReferenceEquals(Parameters[j].Value, parameter.Value))
                {
                    throw new InvalidOperationException(
                        $"{GetType().Name}.Step: parameters {j} ('{Parameters[j].Name}') and " +
                        $"{i} ('{parameter.Name}') share one value tensor, so a step would " +
                        "update it twice. Give each parameter its own tensor, for example " +
                        "with Clone().");
                }
            }
        }

        double rate = CurrentLearningRate;
        StepCount++;
        for (int i = 0; i < Parameters.Count; i++)
        {
            Update(i, Parameters[i].Value.Data, Parameters[i].Grad!.Data, rate);
        }
    }

    /// <summary>Sets every parameter's gradient to zeros, before the backward pass of a graph,
    /// which adds to the gradients.</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in Parameters)
        {
            parameter.ZeroGrad();
        }
    }

    /// <summary>Updates <paramref name="value"/>, parameter <paramref name="index"/>'s storage,
    /// from <paramref name="grad"/> with learning rate <paramref name="rate"/>; the step count
    /// already includes this step.</summary>
    protected abstract void Update(int index, double[] value, double[] grad, double rate);
}
