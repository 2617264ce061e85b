using System.Globalization;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Autodiff;

public sealed partial class Variable
{
    /// <summary>
    /// Computes ∂L/∂v for this scalar L and every variable v it was computed from that requires
    /// a gradient, and adds each to v's <see cref="Grad"/>. The seed is ∂L/∂L = 1.
    /// </summary>
    /// <param name="retainGraph">Whether to keep the graph for another backward pass; when
    /// <see langword="false"/>, as in PyTorch, the graph is released and a second pass through
    /// it throws.</param>
    /// <exception cref="InvalidOperationException">This variable has more than one element, it
    /// does not require a gradient, or an earlier backward pass released its graph.</exception>
    public void Backward(bool retainGraph = false)
    {
        if (Value.Length != 1)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Backward: {Describe()} is not a scalar, so ∂L/∂L = 1 does not define a " +
                $"gradient. Reduce it to a scalar loss first, for example with Sum() or " +
                $"Mean(), or pass dY of shape {Shape} to Backward(outputGradient)."));
        }

        BackwardCore(Tensor.Full(Shape, 1.0), retainGraph);
    }

    /// <summary>
    /// Runs the backward pass from this variable Y with the seed dY = ∂L/∂Y given, for a Y that
    /// is not a scalar: every variable v that Y depends on receives dY : ∂Y/∂v added to its
    /// <see cref="Grad"/>.
    /// </summary>
    /// <exception cref="TensorShapeException"><paramref name="outputGradient"/> does not have
    /// this variable's shape.</exception>
    /// <exception cref="InvalidOperationException">This variable does not require a gradient,
    /// or an earlier backward pass released its graph.</exception>
    public void Backward(Tensor outputGradient, bool retainGraph = false)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (outputGradient.Shape != Shape)
        {
            throw ShapeErrors.SameShape("Backward", "dY", outputGradient.Shape, "Y", Shape,
                "dY = ∂L/∂Y must have the shape of the variable that Backward starts from");
        }

        BackwardCore(outputGradient, retainGraph);
    }

    private void BackwardCore(Tensor seed, bool retainGraph)
    {
        if (!RequiresGrad)
        {
            throw new InvalidOperationException(
                $"Backward: {Describe()} does not require a gradient, because none of the " +
                "variables it was computed from was created with requiresGrad: true, or it was " +
                "computed inside Autograd.NoGrad(). Create the inputs to differentiate by with " +
                "requiresGrad: true.");
        }

        var order = TopologicalOrder();
        var gradients = new Dictionary<Variable, Tensor>(ReferenceEqualityComparer.Instance)
        {
            [this] = seed,
        };

        // Reverse topological order visits a node only after every node that uses it, so its
        // gradient is complete when its rule runs.
        for (int i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node._backward is null || !gradients.TryGetValue(node, out var gradient))
            {
                continue;
            }

            var inputGradients = node._backward(gradient);
            for (int k = 0; k < node._inputs.Length; k++)
            {
                var input = node._inputs[k];
                if (input.RequiresGrad)
                {
                    gradients[input] = gradients.TryGetValue(input, out var sum)
                        ? sum.Add(inputGradients[k])
                        : inputGradients[k];
                }
            }
        }

        foreach (var (node, gradient) in gradients)
        {
            node.Accumulate(gradient);
            if (!retainGraph && node._backward is not null)
            {
                node.Release();
            }
        }
    }

    private void Accumulate(Tensor gradient)
    {
        _grad = _grad is null ? gradient : _grad.Add(gradient);
        if (_parameter is not null)
        {
            _parameter.Grad = _parameter.Grad is null ? gradient : _parameter.Grad.Add(gradient);
        }
    }

    private void Release()
    {
        _backward = null;
        _inputs = [];
        _released = true;
    }

    /// <summary>Lists the variables that require a gradient and that this one depends on, each
    /// after all of its inputs, by a depth-first search with an explicit stack.</summary>
    private List<Variable> TopologicalOrder()
    {
        var order = new List<Variable>();
        var visited = new HashSet<Variable>(ReferenceEqualityComparer.Instance) { this };
        var stack = new Stack<(Variable Node, int NextInput)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack.Pop();
            if (node._released)
            {
                throw new InvalidOperationException(
                    $"Backward: {node.Describe()} was released by an earlier Backward(), which " +
                    "frees the graph it traversed. Run the forward pass again to build a new " +
                    "graph, or pass retainGraph: true to the first Backward to run it twice " +
                    "(the gradients of both passes then add up).");
            }

            if (next < node._inputs.Length)
            {
                stack.Push((node, next + 1));
                var input = node._inputs[next];
                if (input.RequiresGrad && visited.Add(input))
                {
                    stack.Push((input, 0));
                }

                continue;
            }

            order.Add(node);
        }

        return order;
    }
}
