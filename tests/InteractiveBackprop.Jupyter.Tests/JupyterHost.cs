using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Playwright;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>
/// Sets up, once for every Jupyter test, what a user of the tutorials has: Debian's Jupyter with
/// the .NET kernelspec from eng/install-jupyter.sh, the extension packed afresh, a classic
/// Notebook server on 127.0.0.1 with a token, and headless Chromium. Each host gets its own
/// copies of the notebooks in a temporary workspace, because running them (and opening them in
/// the Notebook UI, which autosaves) writes into them.
/// </summary>
public sealed class JupyterHost : IAsyncLifetime
{
    /// <summary>Debian's jupyter, called by full path because pyenv's shadows it on PATH.</summary>
    public const string Jupyter = "/usr/bin/jupyter";

    /// <summary>Debian's Chromium, which Playwright drives in place of its own browser.</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>The longest the .NET kernel may take to run one whole notebook.</summary>
    public static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(10);

    // Installing Debian's packages from nothing takes a few minutes on this machine's size.
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(20);

    private static readonly string[] Hosts = ["nbconvert", "browser", "runner"];

    private readonly SemaphoreSlim _once = new(1, 1);
    private Process? _server;
    private IPlaywright? _playwright;
    private IBrowserContext? _browser;
    private ProcessResult? _runnerResult;

    /// <summary>Creates the host; <see cref="InitializeAsync"/> does the work.</summary>
    public JupyterHost()
    {
        string state = Path.Combine(Root, "artifacts", "jupyter-test");
        Workspace = Path.Combine(Path.GetTempPath(), "ib-jupyter-" + Path.GetRandomFileName());
        DataFolder = Path.Combine(state, "data");
        Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        JupyterEnvironment = new Dictionary<string, string>
        {
            ["JUPYTER_DATA_DIR"] = DataFolder,
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(state, "config"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Workspace, "runtime"),
        };

        // The kernels get a home and NuGet cache of their own, away from the user's. The home
        // must be outside the repository: the kernel restores `#r "nuget:"` through a project
        // under $HOME, and MSBuild would apply the repository's Directory.Packages.props to it.
        KernelEnvironment = new Dictionary<string, string>(JupyterEnvironment)
        {
            ["HOME"] = Path.Combine(Workspace, "home"),
            ["NUGET_PACKAGES"] = Path.Combine(state, "nuget"),
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["PYDEVD_DISABLE_FILE_VALIDATION"] = "1",
        };
    }

    /// <summary>The repository root.</summary>
    public static string Root => NotebookFiles.RepositoryRoot;

    /// <summary>Whether CI runs the tests: there a test that cannot run fails, not skips.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true",
        StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests cannot run here, or <see langword="null"/> when they can.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>The temporary folder with each host's copies, and the server's root.</summary>
    public string Workspace { get; }

    /// <summary>The tests' package folder, linked as each host's artifacts/packages.</summary>
    public string PackageFolder => Path.Combine(Workspace, "packages");

    /// <summary>The Jupyter data folder: the tests' kernelspecs and notebook signatures.</summary>
    public string DataFolder { get; }

    /// <summary>The Notebook server's token.</summary>
    public string Token { get; }

    /// <summary>The Notebook server's address, once it runs.</summary>
    public Uri? ServerUrl { get; private set; }

    /// <summary>What every Jupyter command of the tests adds to the environment.</summary>
    public IReadOnlyDictionary<string, string> JupyterEnvironment { get; }

    /// <summary>The environment of commands that start .NET kernels.</summary>
    public IReadOnlyDictionary<string, string> KernelEnvironment { get; }

    /// <summary>The folder of screenshots that CI keeps as artefacts.</summary>
    public static string ScreenshotFolder => Path.Combine(Root, "artifacts", "screenshots");

    /// <summary>The copy of <paramref name="notebook"/> for <paramref name="host"/>.</summary>
    public string CopyOf(string host, string notebook) =>
        Path.Combine(Workspace, host, "notebooks", notebook);

    /// <summary>The runner's executed copy of <paramref name="notebook"/>.</summary>
    public string ExecutedCopyOf(string notebook) =>
        Path.Combine(Workspace, "runner", "executed", notebook);

    /// <summary>
    /// Skips the calling test with the reason when the host could not be set up, or fails it
    /// in CI, where every test must run.
    /// </summary>
    public void RequireAvailable()
    {
        if (Unavailable is null)
        {
            return;
        }

        if (IsCi)
        {
            throw new InvalidOperationException(
                "The Jupyter tests cannot run, and CI=true allows no skip: " + Unavailable);
        }

        Skip.If(true, Unavailable);
    }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        try
        {
            await InstallAsync();
            CopyNotebooks();
            await StartServerAsync();
        }
        catch (HostUnavailableException reason)
        {
            Unavailable = reason.Message;
        }
    }

    /// <summary>
    /// Runs the headless runner once over the runner's copies, writing the executed copies and
    /// marking them trusted in the tests' signature database as <c>jupyter trust</c> does, so
    /// that the Notebook UI runs their saved scripts (charts) as it would for the user's own.
    /// </summary>
    public async Task<ProcessResult> RunRunnerOnceAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_runnerResult is not null)
            {
                return _runnerResult;
            }

            string runner = Path.Combine(AppContext.BaseDirectory,
                "InteractiveBackprop.Notebooks.dll");
            var run = await Processes.RunAsync(Processes.StartInfo("dotnet",
                [runner, Path.Combine(Workspace, "runner", "notebooks"), "--output",
                    Path.Combine(Workspace, "runner", "executed"), "--tool-manifest-dir", Root],
                Root, KernelEnvironment), NotebookTimeout * 3);
            if (run.ExitCode == 0)
            {
                var executed = Directory.GetFiles(Path.Combine(Workspace, "runner", "executed"),
                    "*.ipynb");
                var trust = await Processes.RunAsync(Processes.StartInfo(Jupyter,
                    ["trust", .. executed], Workspace, JupyterEnvironment),
                    TimeSpan.FromMinutes(1));
                if (trust.ExitCode != 0)
                {
                    run = trust with { Output = "jupyter trust failed: " + trust.Output };
                }
            }

            _runnerResult = run;
            return run;
        }
        finally
        {
            _once.Release();
        }
    }

    /// <summary>Opens a page in the one Chromium profile, starting the browser once.</summary>
    public async Task<IPage> NewPageAsync()
    {
        await _once.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchPersistentContextAsync(
                    Path.Combine(Workspace, "chromium-profile"),
                    new BrowserTypeLaunchPersistentContextOptions
                    {
                        ExecutablePath = Chromium,
                        Headless = true,
                        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
                        Args =
                        [
                            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync",
                        ],
                    });
            }

            return await _browser.NewPageAsync();
        }
        finally
        {
            _once.Release();
        }
    }

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        if (Directory.Exists(Workspace))
        {
            // On .NET 10 a recursive delete removes the links to the data folders and packages
            // without following them.
            Directory.Delete(Workspace, recursive: true);
        }
    }

    private async Task InstallAsync()
    {
        // As root the script installs the Debian packages that are missing; as anyone else it
        // works with what is installed and reports what is missing.
        string[] arguments = Environment.UserName == "root"
            ? ["--apt", "--browser", "--no-pack"]
            : ["--browser", "--no-pack"];
        var install = await Processes.RunAsync(Processes.StartInfo(
            Path.Combine(Root, "eng", "install-jupyter.sh"), arguments, Root, JupyterEnvironment),
            InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new HostUnavailableException(
                $"eng/install-jupyter.sh {string.Join(' ', arguments)} exited with " +
                $"{install.ExitCode}:\n{install.Tail()}");
        }

        // The extension is packed into the workspace, not artifacts/packages, which the notebook
        // tests of another project may be loading from at the same time.
        var pack = await Processes.RunAsync(Processes.StartInfo(
            Path.Combine(Root, "eng", "pack.sh"), [PackageFolder], Root,
            new Dictionary<string, string>()), TimeSpan.FromMinutes(10));
        if (pack.ExitCode != 0)
        {
            throw new HostUnavailableException($"eng/pack.sh failed:\n{pack.Tail()}");
        }

        if (!File.Exists(Chromium))
        {
            throw new HostUnavailableException(
                $"{Chromium} is missing; run eng/install-jupyter.sh --apt --browser as root.");
        }

        // The runner starts the tool that the repository's manifest pins, from the NuGet cache
        // of the kernels' environment, so the tool is restored into that cache.
        Directory.CreateDirectory(KernelEnvironment["HOME"]);
        var restore = await Processes.RunAsync(Processes.StartInfo("dotnet", ["tool", "restore"],
            Root, KernelEnvironment), TimeSpan.FromMinutes(5));
        if (restore.ExitCode != 0)
        {
            throw new HostUnavailableException($"dotnet tool restore failed:\n{restore.Tail()}");
        }
    }

    private void CopyNotebooks()
    {
        foreach (string host in Hosts)
        {
            string folder = Path.Combine(Workspace, host, "notebooks");
            Directory.CreateDirectory(folder);
            string sources = Path.Combine(Root, "notebooks");
            foreach (string file in Directory.GetFiles(sources))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            // Data folders beside the notebooks are only read, so links to them are enough.
            foreach (string data in Directory.GetDirectories(sources))
            {
                Directory.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(data)), data);
            }

            // Each notebook's first cell loads the extension from ../artifacts/packages.
            Directory.CreateDirectory(Path.Combine(Workspace, host, "artifacts"));
            Directory.CreateSymbolicLink(Path.Combine(Workspace, host, "artifacts", "packages"),
                PackageFolder);
        }

        Directory.CreateDirectory(Path.Combine(Workspace, "runtime"));
    }

    private async Task StartServerAsync()
    {
        int port = FreePort();
        List<string> arguments =
        [
            "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
            $"--NotebookApp.token={Token}", $"--notebook-dir={Workspace}",
        ];
        if (Environment.UserName == "root")
        {
            // CI and the build machines run as root; the server is bound to loopback only.
            arguments.Add("--allow-root");
        }

        _server = Process.Start(
            Processes.StartInfo(Jupyter, arguments, Workspace, KernelEnvironment))!;
        var log = new System.Text.StringBuilder();
        DataReceivedEventHandler append = (_, line) =>
        {
            lock (log)
            {
                log.AppendLine(line.Data);
            }
        };
        _server.OutputDataReceived += append;
        _server.ErrorDataReceived += append;
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        ServerUrl = new Uri($"http://127.0.0.1:{port}/");
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !_server.HasExited)
        {
            try
            {
                var status = await client.GetAsync(new Uri(ServerUrl, $"api/status?token={Token}"));
                if (status.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not responding yet.
            }

            await Task.Delay(250);
        }

        lock (log)
        {
            string state = _server.HasExited ? $"exited with {_server.ExitCode}" : "did not answer";
            throw new HostUnavailableException(
                $"The Notebook server on {ServerUrl} {state} within 60 s:\n{log}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
