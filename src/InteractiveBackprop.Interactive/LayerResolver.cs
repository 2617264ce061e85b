using InteractiveBackprop.Layers;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace InteractiveBackprop.Interactive;

/// <summary>Finds the layer or loss head that <c>--layer NAME</c> names among the C# kernel's
/// variables.</summary>
internal static class LayerResolver
{
    public const string LayerMembers = "IReadOnlyList<Parameter> Parameters { get; }, " +
        "Tensor Forward(Tensor input) and Tensor Backward(Tensor outputGradient)";

    public const string LossMembers = "double Forward(Tensor prediction, Tensor target) and " +
        "Tensor Backward()";

    /// <summary>Returns the C# kernel that stores the notebook's variables, or null.</summary>
    public static CSharpKernel? FindCSharpKernel(Kernel kernel) =>
        kernel as CSharpKernel ?? kernel.RootKernel.FindKernelByName("csharp") as CSharpKernel;

    /// <summary>Returns the value of the C# variable <paramref name="name"/>, an
    /// <see cref="ILayer"/> or an <see cref="ILoss"/>.</summary>
    /// <exception cref="DirectiveException">No C# kernel exists, no variable has that name, or
    /// its value is null or neither interface.</exception>
    public static object Resolve(Kernel kernel, string name)
    {
        var csharp = FindCSharpKernel(kernel) ?? throw new DirectiveException(
            $"--layer {name} needs a C# kernel to read the variable from, but this notebook has " +
            "none.");
        if (!csharp.TryGetValue<object>(name, out var value))
        {
            throw new DirectiveException(
                $"--layer {name}: no C# variable named '{name}' exists. Define it in a C# cell " +
                $"first, for example: var {name} = Linear.Create(3, 4, seed: 1);");
        }

        return value switch
        {
            ILayer or ILoss => value,
            null => throw new DirectiveException(
                $"--layer {name}: the variable '{name}' is null; assign it a layer first."),
            _ => throw new DirectiveException(
                $"--layer {name}: the variable '{name}' is a {value.GetType().FullName}, which " +
                $"implements neither {typeof(ILayer).FullName} nor {typeof(ILoss).FullName}. A " +
                $"layer needs {LayerMembers}; a loss head needs {LossMembers}."),
        };
    }
}
