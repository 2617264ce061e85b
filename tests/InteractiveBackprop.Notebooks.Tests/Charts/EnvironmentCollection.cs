namespace InteractiveBackprop.Notebooks.Tests.Charts;

/// <summary>Tests that change the process environment (HOME, NUGET_PACKAGES) for a child process
/// run alone, so that no other test starts a process with their values.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;
