namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>Each notebook runs to its end under <c>jupyter nbconvert --execute</c>.</summary>
[Collection(JupyterCollection.Name)]
public sealed class NbconvertTests(JupyterHost host)
{
    [SkippableTheory]
    [MemberData(nameof(NotebookFiles.Names), MemberType = typeof(NotebookFiles))]
    public async Task NbconvertRunsNotebookWithoutErrors(string notebook)
    {
        host.RequireAvailable();
        string source = host.CopyOf("nbconvert", notebook);
        string output = Path.Combine(host.Workspace, "nbconvert", "executed");

        // --allow-errors runs every cell and saves each error with the compiler's message. Without
        // it, nbconvert stops at the first error and reports only "compilation error".
        var run = await Processes.RunAsync(Processes.StartInfo(JupyterHost.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                $"--ExecutePreprocessor.timeout={JupyterHost.NotebookTimeout.TotalSeconds:0}",
                "--output-dir", output, source],
            Path.GetDirectoryName(source)!, host.KernelEnvironment), JupyterHost.NotebookTimeout);

        Assert.True(run.ExitCode == 0, $"nbconvert exited with {run.ExitCode}:\n{run.Tail()}");
        var failures = ExecutedNotebook.Failures(Path.Combine(output, notebook));
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [SkippableFact]
    public void KernelspecRunsPinnedToolOnLoopbackOnly()
    {
        host.RequireAvailable();
        string spec = Path.Combine(host.DataFolder, "kernels", ".net-csharp", "kernel.json");

        var kernel = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(spec))!;
        var argv = kernel["argv"]!.AsArray().Select(a => (string)a!).ToList();

        Assert.Equal(Path.Combine(JupyterHost.Root, "artifacts", "jupyter", "tool",
            "dotnet-interactive"), argv[0]);
        Assert.True(File.Exists(argv[0]), $"{argv[0]} does not exist");
        Assert.Contains("--http-local-only", argv);
        string range = argv[argv.IndexOf("--http-port-range") + 1];
        int lowest = int.Parse(range.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lowest > 2049,
            $"the port range {range} includes 2049 or below, which Chromium refuses");
    }
}
