namespace InteractiveBackprop.Interactive.Tests.Charts;

/// <summary>The tests that register formatters, which are process-wide, run one at a time.</summary>
[CollectionDefinition(nameof(KernelCollection), DisableParallelization = true)]
public sealed class KernelCollection;
