namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>How a finished process ended.</summary>
/// <param name="ExitCode">Its exit status.</param>
/// <param name="Output">What it wrote to stdout and stderr, interleaved as it arrived.</param>
public sealed record ProcessResult(int ExitCode, string Output)
{
    /// <summary>The last <paramref name="lines"/> lines of the output, for failure messages.</summary>
    public string Tail(int lines = 40) =>
        string.Join('\n', Output.Split('\n').TakeLast(lines));
}
