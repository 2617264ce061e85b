namespace InteractiveBackprop.Notebooks;

/// <summary>The command-line entry point: resolves inputs and outputs, runs, and reports.</summary>
public static class RunnerCommand
{
    /// <summary>Runs the notebooks named in <paramref name="arguments"/> and returns the exit
    /// status: 0 when every cell passed, or every cell ran and --allow-errors was given; 1 when a
    /// cell failed; 2 for invalid input.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        try
        {
            var options = RunnerOptions.Parse(arguments);
            if (options.ShowHelp)
            {
                await output.WriteLineAsync(RunnerOptions.Usage);
                return 0;
            }

            var jobs = PlanJobs(options);
            var failures = new List<string>();
            bool skipped = false;
            var runner = new NotebookRunner(options, output);
            foreach (var (source, target) in jobs)
            {
                var notebook = Notebook.Load(source);
                var outcomes = await runner.RunAsync(notebook);
                notebook.Save(target);
                await output.WriteLineAsync($"wrote {target}");
                skipped |= outcomes.Any(o => o.Status == CellStatus.Skipped);
                foreach (var failed in outcomes.Where(o => o.Status == CellStatus.Failed))
                {
                    failures.Add($"{source} cell {failed.Cell.Index} ({failed.Cell.KernelName}) " +
                        $"failed: {failed.Error}");
                }
            }

            if (failures.Count > 0)
            {
                await error.WriteLineAsync(string.Join(Environment.NewLine, failures));
                // --allow-errors keeps the status at 0 only when every cell ran.
                if (options.AllowErrors && !skipped)
                {
                    await output.WriteLineAsync($"{failures.Count} cell(s) failed; " +
                        "--allow-errors kept their errors in the executed copies.");
                    return 0;
                }

                return 1;
            }

            await output.WriteLineAsync($"{jobs.Count} notebook(s) ran without a failing cell.");
            return 0;
        }
        catch (RunnerException failure)
        {
            await error.WriteLineAsync("error: " + failure.Message);
            return 2;
        }
    }

    /// <summary>Pairs each input notebook with the path its executed copy is written to.</summary>
    /// <exception cref="RunnerException">An input does not exist, a folder has no notebook, or an
    /// output would overwrite a source without --in-place.</exception>
    internal static IReadOnlyList<(string Source, string Target)> PlanJobs(RunnerOptions options)
    {
        var sources = new List<string>();
        foreach (string input in options.Inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.GetFiles(input, "*.ipynb")
                    .Where(path => !path.EndsWith(".executed.ipynb", StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new RunnerException($"The folder {input} contains no .ipynb notebook.");
                }

                sources.AddRange(found);
            }
            else if (File.Exists(input))
            {
                if (!input.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
                {
                    throw new RunnerException($"{input} is not a notebook: the runner takes " +
                        ".ipynb files.");
                }

                sources.Add(input);
            }
            else
            {
                throw new RunnerException($"Notebook not found: {input}. Check the path; the " +
                    "runner takes .ipynb files or folders that contain them.");
            }
        }

        var jobs = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string source in sources)
        {
            // A notebook named twice, directly or through its folder, runs once.
            if (!seen.Add(Path.GetFullPath(source)))
            {
                continue;
            }

            string target = options.InPlace ? source : TargetFor(source, options.Output!, sources.Count);
            if (!options.InPlace && SamePath(source, target))
            {
                throw new RunnerException($"The executed copy of {source} would overwrite the " +
                    "source. Choose another --output, or pass --in-place to overwrite on purpose.");
            }

            jobs.Add((source, target));
        }

        return jobs;
    }

    private static string TargetFor(string source, string output, int count)
    {
        bool outputIsFile = output.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase);
        if (outputIsFile && count > 1)
        {
            throw new RunnerException($"--output {output} names one file, but {count} notebooks " +
                "were given; name a folder instead.");
        }

        return outputIsFile ? output : Path.Combine(output, Path.GetFileName(source));
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);
}
