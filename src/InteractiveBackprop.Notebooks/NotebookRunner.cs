using System.Diagnostics;
using System.Text.Json.Nodes;

namespace InteractiveBackprop.Notebooks;

/// <summary>
/// Executes a notebook's code cells in order in a fresh dotnet-interactive process whose current
/// folder is the notebook's, and stores each cell's outputs in the notebook. Like Jupyter's Run
/// All, it stops at the first failing cell, unless <see cref="RunnerOptions.AllowErrors"/> is
/// set. A cell that times out or loses the engine stops the run either way, because the engine
/// is still busy with it or gone.
/// </summary>
public sealed class NotebookRunner
{
    private readonly RunnerOptions _options;
    private readonly TextWriter _log;

    /// <summary>Creates a runner that writes one line per cell to <paramref name="log"/>.</summary>
    public NotebookRunner(RunnerOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>Runs every code cell of <paramref name="notebook"/>, replacing its outputs.</summary>
    /// <exception cref="RunnerException">The engine cannot be found or started.</exception>
    public async Task<IReadOnlyList<CellOutcome>> RunAsync(Notebook notebook)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        string manifest = EngineLocator.FindManifestFolder(_options.ToolManifestFolder ?? folder);
        string name = Path.GetFileName(notebook.Path);
        var outcomes = new List<CellOutcome>();

        await using var engine = await KernelEngine.StartAsync(
            manifest, folder, _options.StartTimeout);
        bool failed = false;
        int executionCount = 0;
        foreach (var cell in notebook.CodeCells)
        {
            if (failed)
            {
                cell.Json["outputs"] = new JsonArray();
                cell.Json["execution_count"] = null;
                outcomes.Add(new CellOutcome(cell, CellStatus.Skipped, null, TimeSpan.Zero, 0));
                _log.WriteLine($"{name} cell {cell.Index} ({cell.KernelName}): not run");
                continue;
            }

            executionCount++;
            var (outcome, engineLost) = await RunCellAsync(engine, cell, executionCount);
            outcomes.Add(outcome);
            failed = outcome.Status == CellStatus.Failed && (engineLost || !_options.AllowErrors);
            string seconds = outcome.Duration.TotalSeconds.ToString(
                "0.0", System.Globalization.CultureInfo.InvariantCulture);
            _log.WriteLine(outcome.Status == CellStatus.Passed
                ? $"{name} cell {cell.Index} ({cell.KernelName}): ok, {seconds} s" +
                  (outcome.DisplayUpdates > 0 ? $", {outcome.DisplayUpdates} display updates" : "")
                : $"{name} cell {cell.Index} ({cell.KernelName}): FAILED after {seconds} s: " +
                  FirstLine(outcome.Error));
        }

        return outcomes;
    }

    // Returns the outcome, and whether the engine can take no more cells: it is still running
    // this one after a timeout, or it failed.
    private async Task<(CellOutcome Outcome, bool EngineLost)> RunCellAsync(
        KernelEngine engine, NotebookCell cell, int count)
    {
        var clock = Stopwatch.StartNew();
        cell.Json["execution_count"] = count;
        try
        {
            var submission = await engine.SubmitAsync(cell.Source, cell.KernelName,
                _options.CellTimeout);
            cell.Json["outputs"] = OutputBuilder.Build(submission, count, out int updates);
            return (new CellOutcome(cell,
                submission.Succeeded ? CellStatus.Passed : CellStatus.Failed,
                submission.ErrorMessage, clock.Elapsed, updates), false);
        }
        catch (Exception error) when (error is TimeoutException or RunnerException)
        {
            cell.Json["outputs"] = new JsonArray(new JsonObject
            {
                ["output_type"] = "error",
                ["ename"] = "Error",
                ["evalue"] = error.Message,
                ["traceback"] = new JsonArray(error.Message),
            });
            return (new CellOutcome(cell, CellStatus.Failed, error.Message, clock.Elapsed, 0), true);
        }
    }

    private static string FirstLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "(no message)";
        }

        int end = text.IndexOf('\n');
        return end < 0 ? text : text[..end].TrimEnd('\r') + " …";
    }
}
