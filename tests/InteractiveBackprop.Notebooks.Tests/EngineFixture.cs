using System.Diagnostics;
using System.Text;

namespace InteractiveBackprop.Notebooks.Tests;

/// <summary>
/// Packs the extension once per test run and runs the notebook runner as its own process, with a
/// HOME and NuGet package folder of its own, so that no cache of the developer's machine can
/// serve a stale copy of the extension.
/// </summary>
public sealed class EngineFixture : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public EngineFixture()
    {
        Home = Directory.CreateDirectory(Path.Combine(_folder.Path, "home")).FullName;
        Packages = Directory.CreateDirectory(Path.Combine(_folder.Path, "packages")).FullName;
        Output = Directory.CreateDirectory(Path.Combine(_folder.Path, "executed")).FullName;

        var pack = Run("bash", [Path.Combine(RepositoryPaths.Root, "eng", "pack.sh")],
            isolated: false);
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("eng/pack.sh failed:\n" + pack.Output);
        }

        var restore = Run("dotnet", ["tool", "restore"], isolated: true);
        if (restore.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool restore failed:\n" + restore.Output);
        }
    }

    public string Home { get; }

    public string Packages { get; }

    /// <summary>A folder for executed notebooks, empty at the start of the run.</summary>
    public string Output { get; }

    /// <summary>Runs the notebook runner with <paramref name="arguments"/>.</summary>
    public ProcessResult RunRunner(params string[] arguments)
    {
        string runner = Path.Combine(AppContext.BaseDirectory, "InteractiveBackprop.Notebooks.dll");
        return Run("dotnet", [runner, .. arguments], isolated: true);
    }

    public void Dispose() => _folder.Dispose();

    private ProcessResult Run(string program, IEnumerable<string> arguments, bool isolated)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (isolated)
        {
            start.Environment["HOME"] = Home;
            start.Environment["NUGET_PACKAGES"] = Packages;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = process.StandardError.ReadToEndAsync();
        output.Append(process.StandardOutput.ReadToEnd());
        process.WaitForExit();
        output.Append(error.Result);
        return new ProcessResult(process.ExitCode, output.ToString());
    }
}

/// <summary>A finished process's exit code and its standard output followed by its errors.</summary>
public sealed record ProcessResult(int ExitCode, string Output);

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "engine";
}
