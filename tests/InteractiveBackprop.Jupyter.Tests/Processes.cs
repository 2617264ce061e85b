using System.Diagnostics;
using System.Text;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>Starts the command-line tools the tests drive, with the tests' own environment.</summary>
public static class Processes
{
    /// <summary>
    /// Creates the start information for <paramref name="file"/> with
    /// <paramref name="arguments"/>, run in <paramref name="folder"/>, with
    /// <paramref name="environment"/> added to this process's environment.
    /// </summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> arguments,
        string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>
    /// Runs the process to its end and returns its exit status and output; past
    /// <paramref name="timeout"/> it is killed with its children and reported as exit status -1.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        DataReceivedEventHandler append = (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        };
        process.OutputDataReceived += append;
        process.ErrorDataReceived += append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            lock (output)
            {
                output.AppendLine($"(killed after {timeout.TotalSeconds:0} s)");
            }

            return new ProcessResult(-1, output.ToString());
        }

        // The exit wait returns before the last lines of output are delivered.
        process.WaitForExit();
        lock (output)
        {
            return new ProcessResult(process.ExitCode, output.ToString());
        }
    }
}
