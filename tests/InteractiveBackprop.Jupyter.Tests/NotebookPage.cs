using System.Text.Json;
using Microsoft.Playwright;

namespace InteractiveBackprop.Jupyter.Tests;

/// <summary>
/// A notebook open in the classic Notebook UI, with every request of the page routed: requests
/// to this machine go through, any other is aborted and recorded.
/// </summary>
public sealed class NotebookPage : IAsyncDisposable
{
    // Reads the page into a NotebookView. Outputs are counted in the notebook model (what the
    // kernel sent or the file saved) and in the DOM (what the page shows), so that a missing
    // renderer shows up as a difference between the two. Errors come from the model because
    // the UI draws no element for an error output with an empty traceback, which is what the
    // .NET kernel sends for a compiler error. A chart is an ib-chart output (or another one that
    // calls Plotly.newPlot), not the loader that embeds plotly.js.
    private const string InspectScript = """
        () => {
          const text = v => Array.isArray(v) ? v.join('') : (v || '');
          const cells = Jupyter.notebook.get_cells();
          const outputs = cells.filter(c => c.cell_type === 'code')
            .flatMap(c => c.output_area.outputs);
          const data = (o, mime) => text(o.data && o.data[mime]);
          const areas = [...document.querySelectorAll('.output_subarea')];
          const math = '.MathJax, .MathJax_Display, mjx-container';
          const markdown = cells.filter(c => c.cell_type === 'markdown');
          const rendered = [...document.querySelectorAll('.text_cell_render, .output_subarea')];
          const latex = /\\(begin|end)\{|\\(partial|frac|mathrm|cdot|sum|left|right)\b/;
          return {
            trusted: Jupyter.notebook.trusted === true,
            mathJaxReady: !!(window.MathJax && MathJax.Hub),
            errors: outputs.filter(o => o.output_type === 'error')
              .map(o => `${o.ename}: ${o.evalue}`),
            standardError: [...document.querySelectorAll('.output_stderr')].map(e => e.innerText),
            tensorOutputs: outputs.filter(o => data(o, 'text/html').includes('ib-tensor')
              || data(o, 'text/latex').includes('matrix')).length,
            tensorsShown: areas.filter(a => a.querySelector('table.ib-tensor, ' + math)).length,
            markdownWithMath: markdown.filter(c => /\$[^$]+\$/.test(c.get_text())).length,
            markdownTypeset: markdown.filter(c => c.element[0].querySelector(math)).length,
            rawLatex: rendered.map(e => e.innerText).filter(t => latex.test(t))
              .map(t => t.slice(0, 200)),
            chartOutputs: outputs.map(o => data(o, 'text/html')).filter(h => !h.includes('ib-plotly-loader')
              && (h.includes('class="ib-chart"') || h.includes('Plotly.newPlot('))).length,
            // Plotly draws a scatter trace as a .trace group and a heatmap as an .hm image.
            chartsDrawn: [...document.querySelectorAll('.output_subarea .js-plotly-plot')]
              .filter(p => p.querySelector('svg.main-svg') && p.querySelector('.trace, .hm')).length,
          };
        }
        """;

    private static readonly JsonSerializerOptions ViewOptions = new(JsonSerializerDefaults.Web);

    private readonly IPage _page;
    private readonly List<string> _externalRequests = [];

    private NotebookPage(IPage page)
    {
        _page = page;
    }

    /// <summary>Requests that went to an address other than this machine's; all were aborted.</summary>
    public IReadOnlyList<string> ExternalRequests
    {
        get
        {
            lock (_externalRequests)
            {
                return [.. _externalRequests];
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="path"/> (relative to the server's root) and waits until the
    /// notebook is loaded and its kernel is idle.
    /// </summary>
    public static async Task<NotebookPage> OpenAsync(JupyterHost host, string path)
    {
        var notebook = await OpenPageAsync(host, $"notebooks/{path}");
        await notebook._page.WaitForFunctionAsync(
            "() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded && " +
            "document.querySelector('#kernel_indicator_icon.kernel_idle_icon')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 250 });
        return notebook;
    }

    /// <summary>Opens the server's page at <paramref name="path"/>, such as <c>tree</c>.</summary>
    public static async Task<NotebookPage> OpenPageAsync(JupyterHost host, string path)
    {
        var page = new NotebookPage(await host.NewPageAsync());
        await page._page.RouteAsync("**/*", page.RouteAsync);
        await page._page.GotoAsync(new Uri(host.ServerUrl!, $"{path}?token={host.Token}").ToString());
        return page;
    }

    /// <summary>Fetches <paramref name="url"/> from the page's script, ignoring a failure.</summary>
    public Task FetchAsync(string url) =>
        _page.EvaluateAsync("url => fetch(url).then(() => true, () => false)", url);

    /// <summary>
    /// Chooses Kernel, Restart &amp; Run All in the menu, confirms, and waits until every code
    /// cell has run (or one failed) and the kernel is idle.
    /// </summary>
    public async Task RestartAndRunAllAsync(TimeSpan timeout)
    {
        await _page.ClickAsync("#kernellink");
        await _page.ClickAsync("#restart_run_all");
        await _page.ClickAsync(".modal-dialog .modal-footer button.btn-danger");

        // The restart comes first; the cells are queued, and show '*', only once it is done.
        await _page.WaitForFunctionAsync(
            "() => Jupyter.notebook.get_cells().some(c => c.input_prompt_number === '*')",
            null, new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 100 });
        await _page.WaitForFunctionAsync("""
            () => {
              const code = Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code');
              const idle = document.querySelector('#kernel_indicator_icon.kernel_idle_icon');
              const done = code.every(c => typeof c.input_prompt_number === 'number');
              const failed = code.some(c =>
                c.output_area.outputs.some(o => o.output_type === 'error'));
              return idle && (done || failed);
            }
            """, null, new PageWaitForFunctionOptions
        {
            Timeout = (float)timeout.TotalMilliseconds,
            PollingInterval = 250,
        });
    }

    /// <summary>
    /// Waits for MathJax to finish typesetting and for the charts to draw (or for
    /// <paramref name="chartTimeout"/>), then reads what the page shows.
    /// </summary>
    public async Task<NotebookView> InspectAsync(TimeSpan chartTimeout)
    {
        await _page.EvaluateAsync("""
            () => new Promise(resolve => window.MathJax && MathJax.Hub
              ? MathJax.Hub.Queue(() => resolve(true)) : resolve(false))
            """);
        var view = await ReadAsync();
        if (view.ChartsDrawn < view.ChartOutputs)
        {
            try
            {
                await _page.WaitForFunctionAsync(
                    "n => document.querySelectorAll('.output_subarea .js-plotly-plot .main-svg')" +
                    ".length >= n", view.ChartOutputs, new PageWaitForFunctionOptions
                {
                    Timeout = (float)chartTimeout.TotalMilliseconds,
                });
            }
            catch (TimeoutException)
            {
                // The assertions report the charts that are missing.
            }

            view = await ReadAsync();
        }

        return view;
    }

    /// <summary>
    /// Saves a screenshot of the whole notebook to <paramref name="path"/>. The Notebook UI
    /// scrolls inside its own #site element, so that element is unrolled first.
    /// </summary>
    public async Task ScreenshotAsync(string path)
    {
        await _page.AddStyleTagAsync(new PageAddStyleTagOptions
        {
            Content = "html, body, #site { height: auto !important; overflow: visible !important; }",
        });
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await _page.CloseAsync();

    private async Task<NotebookView> ReadAsync()
    {
        var json = await _page.EvaluateAsync<JsonElement>(InspectScript);
        return json.Deserialize<NotebookView>(ViewOptions)!;
    }

    private async Task RouteAsync(IRoute route)
    {
        var url = new Uri(route.Request.Url);
        bool local = url.Scheme is "data" or "blob" ||
            url.Host is "127.0.0.1" or "localhost" or "[::1]";
        if (local)
        {
            await route.ContinueAsync();
            return;
        }

        lock (_externalRequests)
        {
            _externalRequests.Add(route.Request.Url);
        }

        await route.AbortAsync();
    }
}
