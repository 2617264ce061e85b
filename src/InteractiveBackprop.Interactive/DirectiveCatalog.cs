using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Directives;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// This extension's magic commands as a kernel registers them, with how messages show the
/// argument of each that takes no option name.
/// </summary>
/// <param name="kernel">The kernel that registers the magic commands.</param>
/// <param name="names">The names of the magic commands, such as <c>#!derive</c>.</param>
/// <param name="positionalArguments">By magic command, its argument that takes no option
/// name.</param>
internal sealed class DirectiveCatalog(Kernel kernel, IReadOnlyList<string> names,
    IReadOnlyDictionary<string, PositionalArgument> positionalArguments)
{
    /// <summary>The names of the magic commands.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Returns the magic command named <paramref name="name"/>, or null when it is not
    /// one of <see cref="Names"/> or the kernel does not register it.</summary>
    public KernelActionDirective? Find(string name) =>
        names.Contains(name)
            ? kernel.KernelInfo.SupportedDirectives
                .OfType<KernelActionDirective>()
                .FirstOrDefault(directive => directive.Name == name)
            : null;

    /// <summary>Returns the registered form of <paramref name="directive"/>'s argument that
    /// takes no option name, or null when none is registered.</summary>
    public PositionalArgument? Positional(KernelActionDirective directive) =>
        positionalArguments.GetValueOrDefault(directive.Name);

    /// <summary>
    /// Returns how a usage shows <paramref name="directive"/>'s parameter that takes its value
    /// without a name: the registered form, or else the name in capitals and quotes, such as
    /// <c>"EXPRESSION" (in quotes, first)</c>. Returns null when the command has no such
    /// parameter, or only a hidden one that captures text to reject.
    /// </summary>
    public string? PositionalUsage(KernelActionDirective directive)
    {
        var parameter = directive.Parameters
            .FirstOrDefault(candidate => candidate.AllowImplicitName &&
                candidate.Name != BackpropDirectives.UnnamedParameter);
        if (parameter is null)
        {
            return null;
        }

        return Positional(directive)?.Usage
            ?? $"\"{parameter.Name.TrimStart('-').ToUpperInvariant()}\" (in quotes, first)";
    }
}
