namespace InteractiveBackprop.Interactive.Charts;

/// <summary>Draws an <see cref="ImageGrid"/> as an SVG: each image as gray squares with its
/// caption under it. It is the grid's only form, because it needs no script.</summary>
internal static class ImageGridSvg
{
    private const double Top = 36;
    private const double Gap = 10;
    private const double CaptionHeight = 16;

    // The side of the larger image dimension on screen: 8 × 8 digits get 6 px pixels.
    private const double ImageSide = 48;

    /// <summary>Renders <paramref name="grid"/> as an SVG document.</summary>
    public static string Render(ImageGrid grid)
    {
        double pixel = Math.Max(1, ImageSide / Math.Max(grid.ImageHeight, grid.ImageWidth));
        double imageWidth = pixel * grid.ImageWidth;
        double longestCaption = grid.Images.Select(image => image.Caption.Length).DefaultIfEmpty(0).Max();
        double cellWidth = Math.Max(imageWidth, longestCaption * SvgCanvas.CharWidth * 0.9) + Gap;
        double cellHeight = pixel * grid.ImageHeight + CaptionHeight + Gap;
        int columns = Math.Max(1, Math.Min(grid.Columns, grid.Images.Count));
        int rows = (grid.Images.Count + columns - 1) / columns;
        double width = Math.Max(320, Gap + columns * cellWidth);
        double height = Top + Math.Max(1, rows) * cellHeight;
        var (low, high) = Range(grid);

        var canvas = new SvgCanvas(width, height);
        canvas.Text(width / 2, 22, grid.Title, "middle", 15, bold: true);
        if (grid.Images.Count == 0)
        {
            canvas.Text(width / 2, Top + 20, "no images", "middle");
        }

        for (int i = 0; i < grid.Images.Count; i++)
        {
            double x = Gap + (i % columns) * cellWidth;
            double y = Top + (i / columns) * cellHeight;
            double imageLeft = x + (cellWidth - Gap - imageWidth) / 2;
            DrawImage(canvas, grid, grid.Images[i], imageLeft, y, pixel, low, high);
            canvas.Text(x + (cellWidth - Gap) / 2, y + pixel * grid.ImageHeight + 13,
                grid.Images[i].Caption, "middle", 11);
        }

        return canvas.Finish();
    }

    private static void DrawImage(SvgCanvas canvas, ImageGrid grid, GridImage image, double left,
        double top, double pixel, double low, double high)
    {
        canvas.Rect(left - 0.5, top - 0.5, pixel * grid.ImageWidth + 1,
            pixel * grid.ImageHeight + 1, "#ffffff", "#cccccc");
        for (int row = 0; row < grid.ImageHeight; row++)
        {
            for (int column = 0; column < grid.ImageWidth; column++)
            {
                double value = image.Pixels[row * grid.ImageWidth + column];
                canvas.Rect(left + column * pixel, top + row * pixel, pixel, pixel,
                    Gray(value, low, high));
            }
        }
    }

    // Larger values are darker; NaN and infinite pixels are red so that they stand out.
    private static string Gray(double value, double low, double high)
    {
        if (!double.IsFinite(value))
        {
            return "#ff0000";
        }

        double t = high > low ? (value - low) / (high - low) : 0;
        int level = (int)Math.Round(255 * (1 - t));
        return $"#{level:x2}{level:x2}{level:x2}";
    }

    private static (double Low, double High) Range(ImageGrid grid)
    {
        var finite = grid.Images.SelectMany(image => image.Pixels).Where(double.IsFinite).ToList();
        return finite.Count == 0 ? (0, 0) : (finite.Min(), finite.Max());
    }
}
