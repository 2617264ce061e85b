using System.Globalization;
using System.Net;
using System.Text;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Writes an SVG document element by element, coordinates in pixels from the top left.</summary>
internal sealed class SvgCanvas
{
    /// <summary>The font of all text, close to Plotly's default.</summary>
    public const string Font = "'Open Sans', Verdana, Arial, sans-serif";

    /// <summary>An estimate of the width of one character at 12 px, for laying out legends.</summary>
    public const double CharWidth = 7;

    private readonly StringBuilder _svg = new();

    /// <summary>Starts a document of the given size with a white background, because the charts'
    /// dark text and lines must read in dark themes too.</summary>
    public SvgCanvas(double width, double height)
    {
        _svg.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(N(width))
            .Append("\" height=\"").Append(N(height)).Append("\" viewBox=\"0 0 ").Append(N(width))
            .Append(' ').Append(N(height)).Append("\" font-family=\"").Append(Font).Append("\">");
        Rect(0, 0, width, height, "#ffffff");
    }

    /// <summary>Formats a coordinate with at most two decimals in the invariant culture.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Draws a filled rectangle, with an outline when <paramref name="stroke"/> is set.</summary>
    public void Rect(double x, double y, double width, double height, string fill,
        string? stroke = null)
    {
        _svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" width=\"").Append(N(width)).Append("\" height=\"").Append(N(height))
            .Append("\" fill=\"").Append(fill).Append('"');
        if (stroke is not null)
        {
            _svg.Append(" stroke=\"").Append(stroke).Append('"');
        }

        _svg.Append("/>");
    }

    /// <summary>Draws a straight line.</summary>
    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1)
    {
        _svg.Append("<line x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1))
            .Append("\" x2=\"").Append(N(x2)).Append("\" y2=\"").Append(N(y2))
            .Append("\" stroke=\"").Append(stroke).Append("\" stroke-width=\"").Append(N(width))
            .Append("\"/>");
    }

    /// <summary>Draws a line through <paramref name="points"/> in order.</summary>
    public void Polyline(IReadOnlyList<(double X, double Y)> points, string stroke)
    {
        _svg.Append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").Append(stroke)
            .Append("\" points=\"");
        foreach (var (x, y) in points)
        {
            _svg.Append(N(x)).Append(',').Append(N(y)).Append(' ');
        }

        _svg.Append("\"/>");
    }

    /// <summary>Draws a filled circle.</summary>
    public void Circle(double x, double y, double radius, string fill)
    {
        _svg.Append("<circle cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y))
            .Append("\" r=\"").Append(N(radius)).Append("\" fill=\"").Append(fill).Append("\"/>");
    }

    /// <summary>Writes <paramref name="text"/> with its anchor (start, middle or end) at (x, y),
    /// y being the baseline, turned by <paramref name="rotate"/> degrees about that point.</summary>
    public void Text(double x, double y, string text, string anchor = "start", double size = 12,
        string fill = "#444444", bool bold = false, double rotate = 0)
    {
        _svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
            .Append("\" font-size=\"").Append(N(size)).Append("\" text-anchor=\"").Append(anchor)
            .Append("\" fill=\"").Append(fill).Append('"');
        if (bold)
        {
            _svg.Append(" font-weight=\"bold\"");
        }

        if (rotate != 0)
        {
            _svg.Append(" transform=\"rotate(").Append(N(rotate)).Append(' ').Append(N(x))
                .Append(' ').Append(N(y)).Append(")\"");
        }

        _svg.Append('>').Append(WebUtility.HtmlEncode(text)).Append("</text>");
    }

    /// <summary>Closes the document and returns it.</summary>
    public string Finish() => _svg.Append("</svg>").ToString();
}
