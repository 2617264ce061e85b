namespace InteractiveBackprop.Notebooks;

/// <summary>The result of running one code cell.</summary>
public enum CellStatus
{
    /// <summary>The cell ran and its command succeeded.</summary>
    Passed,

    /// <summary>The cell's command failed, timed out, or the engine exited.</summary>
    Failed,

    /// <summary>The cell did not run because an earlier cell failed.</summary>
    Skipped,
}
