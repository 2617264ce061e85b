using System.Globalization;

namespace InteractiveBackprop.Notebooks;

/// <summary>The runner's command-line settings.</summary>
public sealed record RunnerOptions
{
    /// <summary>The usage text printed by <c>--help</c> and after a usage error.</summary>
    public const string Usage = """
        Usage: InteractiveBackprop.Notebooks [options] <notebook.ipynb | folder>...

        Executes each notebook headless through the pinned dotnet-interactive tool and writes
        the executed copy, with its outputs. Folders contribute every *.ipynb directly inside.

        Options:
          --output, -o PATH          Folder for the executed copies (required unless --in-place).
                                     With one notebook, PATH may also be the output .ipynb file.
          --in-place                 Overwrite each source notebook with its executed copy.
          --allow-errors             Run the cells after a failing cell too, keep each error in
                                     its cell's outputs, and exit 0, as nbconvert's option of
                                     the same name does. Without it, the cells after a failing
                                     cell do not run, and the exit status is 1. A cell that
                                     times out stops the run and gives status 1 either way,
                                     because the engine is still busy with it.
          --cell-timeout SECONDS     Maximum run time of one cell (default 600). The first cell
                                     also loads packages, which can take a minute.
          --start-timeout SECONDS    Maximum time for the engine to start (default 120).
          --tool-manifest-dir DIR    Folder to search for the .config/dotnet-tools.json that
                                     pins the tool. The runner takes the nearest manifest
                                     naming dotnet-interactive at or above DIR (default: at or
                                     above each notebook's folder), and when there is none,
                                     the nearest at or above the current folder.
          --help, -h                 Show this text.

        Exit status: 0 when every cell passed (or every cell ran, with --allow-errors), 1 when a
        cell failed, 2 for invalid input.
        """;

    /// <summary>The largest timeout in seconds that a cancellation timer accepts.</summary>
    public const int MaxSeconds = int.MaxValue / 1000;

    /// <summary>The notebooks and folders to run.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Where the executed copies go, a folder or, for one notebook, a file.</summary>
    public string? Output { get; init; }

    /// <summary>Whether executed notebooks overwrite their sources.</summary>
    public bool InPlace { get; init; }

    /// <summary>Whether the cells after a failing cell run too, and a failing cell leaves the
    /// exit status at 0.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>The longest one cell may run.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>The longest the engine may take to report that it is ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The folder from which the search for the tool manifest starts, or null to start
    /// from each notebook's folder.</summary>
    public string? ToolManifestFolder { get; init; }

    /// <summary>Whether <c>--help</c> was given.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Parses <paramref name="arguments"/>.</summary>
    /// <exception cref="RunnerException">An option is unknown, lacks its value, or has an invalid
    /// value; or no notebook was named; or neither --output nor --in-place was given.</exception>
    public static RunnerOptions Parse(IReadOnlyList<string> arguments)
    {
        var inputs = new List<string>();
        var options = new RunnerOptions();
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            switch (argument)
            {
                case "--help" or "-h":
                    return options with { ShowHelp = true };
                case "--output" or "-o":
                    options = options with { Output = Value(arguments, ref i) };
                    break;
                case "--allow-errors":
                    options = options with { AllowErrors = true };
                    break;
                case "--in-place":
                    options = options with { InPlace = true };
                    break;
                case "--cell-timeout":
                    options = options with { CellTimeout = Seconds(arguments, ref i) };
                    break;
                case "--start-timeout":
                    options = options with { StartTimeout = Seconds(arguments, ref i) };
                    break;
                case "--tool-manifest-dir":
                    options = options with { ToolManifestFolder = Value(arguments, ref i) };
                    break;
                default:
                    if (argument.StartsWith('-'))
                    {
                        throw new RunnerException($"Unknown option '{argument}'. " +
                            "Run with --help to see the options.");
                    }

                    inputs.Add(argument);
                    break;
            }
        }

        if (inputs.Count == 0)
        {
            throw new RunnerException("No notebook was named. Pass .ipynb files or folders, " +
                "for example: notebooks --output artifacts/executed");
        }

        if (options.Output is null && !options.InPlace)
        {
            throw new RunnerException("Name where the executed copies go with --output DIR, or " +
                "pass --in-place to overwrite the source notebooks.");
        }

        if (options.Output is not null && options.InPlace)
        {
            throw new RunnerException("--output and --in-place exclude each other; pass one.");
        }

        return options with { Inputs = inputs };
    }

    private static string Value(IReadOnlyList<string> arguments, ref int i)
    {
        if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new RunnerException($"Option '{arguments[i]}' needs a value.");
        }

        return arguments[++i];
    }

    private static TimeSpan Seconds(IReadOnlyList<string> arguments, ref int i)
    {
        string option = arguments[i];
        string text = Value(arguments, ref i);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds)
            || !(seconds > 0) || double.IsInfinity(seconds))
        {
            throw new RunnerException($"Option '{option}' expects a positive number of seconds, " +
                $"but got '{text}'.");
        }

        // A cancellation timer takes at most int.MaxValue milliseconds, about 24.8 days.
        if (seconds > MaxSeconds)
        {
            throw new RunnerException(string.Create(CultureInfo.InvariantCulture,
                $"Option '{option}' must be at most {MaxSeconds} seconds, but got '{text}'."));
        }

        return TimeSpan.FromSeconds(seconds);
    }
}
