using System.Text.RegularExpressions;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>
/// binder/Dockerfile is linted and read, not built: Docker does not run on the build machines.
/// </summary>
public sealed class DockerfileTests
{
    private static string Dockerfile => Path.Combine(JupyterHost.Root, "binder", "Dockerfile");

    [SkippableFact]
    public async Task DockerfilePassesDockerfileUtilsLint()
    {
        bool hasNpm = File.Exists("/usr/bin/npm") || File.Exists("/usr/local/bin/npm");
        if (!hasNpm && JupyterHost.IsCi)
        {
            Assert.Fail("npm is missing, and CI=true allows no skip; install Debian's npm.");
        }

        Skip.IfNot(hasNpm, "npm is missing; install Debian's npm to lint binder/Dockerfile.");
        var lint = await Processes.RunAsync(Processes.StartInfo(
            Path.Combine(JupyterHost.Root, "eng", "lint-dockerfile.sh"), [], JupyterHost.Root,
            new Dictionary<string, string>()), TimeSpan.FromMinutes(5));

        Assert.True(lint.ExitCode == 0, $"eng/lint-dockerfile.sh exited with {lint.ExitCode}:\n" +
            lint.Tail());
    }

    [Fact]
    public void DockerfileUsesTheOneInstallScript()
    {
        string text = File.ReadAllText(Dockerfile);

        Assert.Matches(new Regex(@"^FROM quay\.io/jupyter/base-notebook:\d{4}-\d{2}-\d{2}\s*$",
            RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^RUN eng/install-jupyter\.sh\s*$", RegexOptions.Multiline), text);
    }

    [Fact]
    public void DockerfileRunsInstallScriptAsNotebookUser()
    {
        var lines = File.ReadAllLines(Dockerfile);
        int install = Array.FindIndex(lines,
            l => l.StartsWith("RUN eng/install-jupyter.sh", StringComparison.Ordinal));
        var users = lines.Select((line, index) => (line, index))
            .Where(l => l.line.StartsWith("USER ", StringComparison.Ordinal)).ToList();

        Assert.Equal("USER ${NB_UID}", users.Last(u => u.index < install).line);
        Assert.Equal("USER ${NB_UID}", users[^1].line);
    }

    [Fact]
    public void DockerfileKeepsRepositoryBelowHome()
    {
        // The kernel's NuGet restore project lives under $HOME; the repository's
        // Directory.Packages.props must not be in a folder above it.
        var lines = File.ReadAllLines(Dockerfile);
        string copy = lines.Single(l => l.StartsWith("COPY --chown", StringComparison.Ordinal));
        string workdir = lines.Last(l => l.StartsWith("WORKDIR ", StringComparison.Ordinal));

        Assert.EndsWith(" . /home/${NB_USER}/InteractiveBackprop/", copy);
        Assert.Equal("WORKDIR /home/${NB_USER}/InteractiveBackprop", workdir);
    }
}
