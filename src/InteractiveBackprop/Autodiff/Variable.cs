using System.Globalization;
using InteractiveBackprop.Layers;
using InteractiveBackprop.Tensors;

namespace InteractiveBackprop.Autodiff;

/// <summary>
/// A tensor in a computation graph for reverse-mode automatic differentiation. Operations on
/// variables that require a gradient record, for each result, its inputs and the rule that
/// maps the result's gradient G = ∂L/∂(result) to the inputs' gradients; <see
/// cref="Backward(bool)"/> on a scalar L applies those rules from L back to the leaves.
/// </summary>
/// <remarks>
/// <para>A leaf is a variable created directly, with <c>requiresGrad: true</c> for a value to
/// differentiate by, or <see langword="false"/> for a constant such as data. An operation's
/// result requires a gradient when any of its inputs does and recording is on (see
/// <see cref="Autograd.NoGrad"/>).</para>
/// <para>Gradients accumulate: each backward pass adds its contribution to <see cref="Grad"/>,
/// so a value used twice, as in x·x, receives both contributions, and two backward passes add
/// up until <see cref="ZeroGrad"/>. A leaf made by <see cref="Parameter.AsVariable"/> also adds
/// its gradient to <see cref="Parameter.Grad"/>.</para>
/// <para>Like PyTorch by default, a backward pass releases the graph it traversed, so a second
/// <see cref="Backward(bool)"/> through the same operations throws; pass
/// <c>retainGraph: true</c> to the first one to run it again.</para>
/// <para>The traversal uses an explicit stack, so the depth of a graph is bounded by memory,
/// not by the call stack.</para>
/// </remarks>
public sealed partial class Variable
{
    private readonly Parameter? _parameter;
    private Variable[] _inputs;
    private Func<Tensor, Tensor[]>? _backward;
    private bool _released;
    private Tensor? _grad;

    /// <summary>Creates a leaf holding <paramref name="value"/>.</summary>
    /// <param name="value">The value; the variable keeps the reference, so later writes through
    /// the tensor's indexers change it.</param>
    /// <param name="requiresGrad">Whether a backward pass computes ∂L/∂(this variable).</param>
    /// <param name="name">A name for messages and displays, for example <c>X</c>.</param>
    public Variable(Tensor value, bool requiresGrad = false, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        RequiresGrad = requiresGrad;
        Name = name;
        _inputs = [];
    }

    private Variable(
        Tensor value, string operation, Variable[] inputs, Func<Tensor, Tensor[]>? backward)
    {
        Value = value;
        RequiresGrad = backward is not null;
        Operation = operation;
        _inputs = inputs;
        _backward = backward;
    }

    private Variable(Parameter parameter)
    {
        Value = parameter.Value;
        RequiresGrad = true;
        Name = parameter.Name;
        _parameter = parameter;
        _inputs = [];
    }

    /// <summary>The value computed by the forward pass.</summary>
    public Tensor Value { get; }

    /// <summary>The shape of <see cref="Value"/>.</summary>
    public Shape Shape => Value.Shape;

    /// <summary>Whether a backward pass computes a gradient for this variable.</summary>
    public bool RequiresGrad { get; }

    /// <summary>The name given at creation, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>The operation that computed this variable, for example <c>MatMul</c>;
    /// <see langword="null"/> for a leaf.</summary>
    public string? Operation { get; }

    /// <summary>Whether this variable was created directly rather than computed by an
    /// operation.</summary>
    public bool IsLeaf => Operation is null;

    /// <summary>Whether a backward pass has given this variable a gradient.</summary>
    public bool HasGrad => _grad is not null;

    /// <summary>
    /// The accumulated gradient ∂L/∂(this variable), of <see cref="Shape"/>, summed over every
    /// backward pass since the last <see cref="ZeroGrad"/>. Intermediate results get one too,
    /// so that a notebook can show dY of a hidden layer.
    /// </summary>
    /// <exception cref="InvalidOperationException">No backward pass has reached this variable
    /// yet.</exception>
    public Tensor Grad => _grad ?? throw new InvalidOperationException(
        $"Variable.Grad: {Describe()} has no gradient yet. " +
        (RequiresGrad
            ? "Call Backward() on a scalar computed from it first."
            : "It was created with requiresGrad: false or inside Autograd.NoGrad(), so no " +
              "backward pass computes one; create it with requiresGrad: true."));

    /// <summary>Sets <see cref="Grad"/> to zeros of <see cref="Shape"/>, to start accumulating
    /// afresh, and does the same for the bound <see cref="Parameter"/>, if any.</summary>
    public void ZeroGrad()
    {
        _grad = Tensor.Zeros(Shape);
        if (_parameter is not null)
        {
            _parameter.Grad = Tensor.Zeros(_parameter.Value.Shape);
        }
    }

    /// <summary>Returns a leaf with the same value that records nothing and requires no
    /// gradient, to use a result as a constant.</summary>
    public Variable Detach() => new(Value, requiresGrad: false, Name);

    /// <summary>Formats the name or operation, the shape and the value.</summary>
    public override string ToString() => $"{Describe()}{Environment.NewLine}{Value}";

    /// <summary>Creates a leaf that reads <paramref name="parameter"/>'s current value and
    /// adds its gradient to <see cref="Parameter.Grad"/>.</summary>
    internal static Variable Bind(Parameter parameter) => new(parameter);

    /// <summary>
    /// Records the result of <paramref name="operation"/>: untracked when recording is off or no
    /// input requires a gradient, otherwise a node whose <paramref name="backward"/> maps the
    /// result's gradient to one gradient per input, each of that input's shape.
    /// </summary>
    internal static Variable Record(
        Tensor value, string operation, Variable[] inputs, Func<Tensor, Tensor[]> backward)
    {
        if (!Autograd.IsGradEnabled || !Array.Exists(inputs, input => input.RequiresGrad))
        {
            return new Variable(value, operation, [], backward: null);
        }

        return new Variable(value, operation, inputs, backward);
    }

    private string Describe()
    {
        string label = Name ?? (Operation is null ? "a leaf" : $"the result of {Operation}");
        return string.Create(CultureInfo.InvariantCulture, $"{label} of shape {Shape}");
    }
}
