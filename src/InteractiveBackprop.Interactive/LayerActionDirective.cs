using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Directives;

namespace InteractiveBackprop.Interactive;

/// <summary>
/// A magic command of <see cref="BackpropDirectives"/> whose completions leave out
/// <see cref="BackpropDirectives.UnnamedParameter"/>, the parameter that only captures text
/// given without an option name so that the handler can reject it.
/// </summary>
/// <param name="name">The name of the magic command, such as <c>#!backprop</c>.</param>
/// <param name="description">What the magic command does.</param>
internal sealed class LayerActionDirective(string name, string description)
    : KernelActionDirective(name, description)
{
    /// <summary>Returns the kernel's completions without the capturing parameter.</summary>
    public override async Task<IReadOnlyList<CompletionItem>> GetChildCompletionsAsync() =>
        (await base.GetChildCompletionsAsync())
            .Where(item => item.DisplayText != BackpropDirectives.UnnamedParameter)
            .ToList();
}
