using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace InteractiveBackprop.Notebooks;

/// <summary>
/// A dotnet-interactive process in <c>stdio</c> mode: it reads one JSON command per line and
/// writes one JSON event per line. Commands go one at a time; each ends with CommandSucceeded or
/// CommandFailed carrying its token.
/// </summary>
public sealed class KernelEngine : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<JsonObject> _events = Channel.CreateUnbounded<JsonObject>();
    private readonly StringBuilder _standardError = new();
    private readonly Task _readLoop;
    private int _nextToken;

    private KernelEngine(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                lock (_standardError)
                {
                    _standardError.AppendLine(line.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
        _readLoop = Task.Run(ReadEventsAsync);
    }

    /// <summary>
    /// Starts the tool pinned in the manifest of <paramref name="manifestFolder"/> with
    /// <paramref name="workingDirectory"/> as the kernel's current folder, and waits until the
    /// kernel reports that it is ready.
    /// </summary>
    /// <exception cref="RunnerException">The process cannot start, exits, or is not ready within
    /// <paramref name="startTimeout"/>; the message includes what it wrote to stderr.</exception>
    public static async Task<KernelEngine> StartAsync(
        string manifestFolder, string workingDirectory, TimeSpan startTimeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = manifestFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        foreach (string argument in new[]
            { "tool", "run", "dotnet-interactive", "--", "stdio", "--working-dir", workingDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new RunnerException(
                "Could not start `dotnet tool run dotnet-interactive`.");
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new RunnerException("Could not start `dotnet`: " + error.Message +
                ". Install the .NET 10 SDK and put dotnet on PATH.", error);
        }

        var engine = new KernelEngine(process);
        try
        {
            await engine.WaitForReadyAsync(startTimeout);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }

        return engine;
    }

    /// <summary>
    /// Submits <paramref name="code"/> to the kernel named <paramref name="kernelName"/> and
    /// collects every event of that submission until it succeeds or fails.
    /// </summary>
    /// <exception cref="TimeoutException">The submission did not finish within
    /// <paramref name="timeout"/>.</exception>
    /// <exception cref="RunnerException">The engine exited during the submission.</exception>
    public async Task<Submission> SubmitAsync(string code, string kernelName, TimeSpan timeout)
    {
        string token = "cell-" + (++_nextToken).ToString(CultureInfo.InvariantCulture);
        var command = new JsonObject
        {
            ["token"] = token,
            ["commandType"] = "SubmitCode",
            ["command"] = new JsonObject
            {
                ["code"] = code,
                ["targetKernelName"] = kernelName,
            },
        };
        await _process.StandardInput.WriteLineAsync(command.ToJsonString());
        await _process.StandardInput.FlushAsync();

        var events = new List<JsonObject>();
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            JsonObject item;
            try
            {
                item = await _events.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"the cell did not finish within {timeout.TotalSeconds:0} s; raise " +
                    $"--cell-timeout if it needs longer"));
            }
            catch (ChannelClosedException)
            {
                throw new RunnerException("dotnet-interactive exited while running a cell." +
                    StandardErrorTail());
            }

            string? eventToken = (string?)item["command"]?["token"];
            if (eventToken != token && eventToken?.StartsWith(token + ".", StringComparison.Ordinal) != true)
            {
                continue;
            }

            events.Add(item);
            string? type = (string?)item["eventType"];
            if (eventToken == token && type is "CommandSucceeded" or "CommandFailed")
            {
                return new Submission(events);
            }
        }
    }

    /// <summary>Stops the process and waits for it to exit.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started or was already reaped.
        }

        await _readLoop;
        _process.Dispose();
    }

    private async Task WaitForReadyAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            JsonObject item;
            try
            {
                item = await _events.Reader.ReadAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new RunnerException(string.Create(CultureInfo.InvariantCulture,
                    $"dotnet-interactive did not report ready within {timeout.TotalSeconds:0} s.") +
                    StandardErrorTail());
            }
            catch (ChannelClosedException)
            {
                throw new RunnerException("dotnet-interactive exited before it was ready; run " +
                    "`dotnet tool restore` in the repository if the tool is missing." +
                    StandardErrorTail());
            }

            if ((string?)item["eventType"] == "KernelReady")
            {
                return;
            }
        }
    }

    private async Task ReadEventsAsync()
    {
        var output = _process.StandardOutput;
        while (await output.ReadLineAsync() is { } line)
        {
            // The tool prints a welcome banner before the first event; only objects are events.
            if (!line.StartsWith('{'))
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(line) is JsonObject item)
                {
                    await _events.Writer.WriteAsync(item);
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A line that starts like JSON but is not is console noise, not an event.
            }
        }

        _events.Writer.Complete();
    }

    private string StandardErrorTail()
    {
        string text;
        lock (_standardError)
        {
            text = _standardError.ToString().Trim();
        }

        if (text.Length == 0)
        {
            return "";
        }

        const int MaxLength = 2000;
        return " Its error output: " + (text.Length > MaxLength ? "…" + text[^MaxLength..] : text);
    }
}
