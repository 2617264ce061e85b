namespace InteractiveBackprop.Notebooks;

/// <summary>What happened to one code cell.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Status">Whether it passed, failed, or did not run after an earlier failure.</param>
/// <param name="Error">The failure message, <see langword="null"/> unless it failed.</param>
/// <param name="Duration">How long the cell ran.</param>
/// <param name="DisplayUpdates">How many times the cell updated a display it had shown.</param>
public sealed record CellOutcome(
    NotebookCell Cell, CellStatus Status, string? Error, TimeSpan Duration, int DisplayUpdates);
