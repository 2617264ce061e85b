namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>
/// Puts every Jupyter test on one <see cref="JupyterHost"/> and runs them one at a time: each
/// starts a .NET kernel, and two at once would only compete for the machine's two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JupyterCollection : ICollectionFixture<JupyterHost>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Jupyter";
}
