using InteractiveBackprop.Tensors;
using Microsoft.DotNet.Interactive.Formatting;

namespace InteractiveBackprop.Interactive.Charts;

/// <summary>
/// Small grayscale images of one size laid out in rows, each with a caption, for example 8 × 8
/// digits with their actual and predicted labels. All images share one gray scale from the
/// smallest to the largest pixel of the grid: larger values are darker, like ink on paper, and
/// NaN pixels are red.
/// </summary>
public sealed class ImageGrid
{
    private readonly List<GridImage> _images = [];

    /// <summary>Creates an empty grid.</summary>
    /// <param name="title">The title above the grid.</param>
    /// <param name="imageHeight">The height H of every image, in pixels.</param>
    /// <param name="imageWidth">The width W of every image, in pixels.</param>
    /// <param name="columns">The number of images in a row of the grid.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size or <paramref name="columns"/> is
    /// below 1.</exception>
    public ImageGrid(string title, int imageHeight, int imageWidth, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageHeight, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        Title = title;
        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
        Columns = columns;
    }

    /// <summary>The title above the grid.</summary>
    public string Title { get; }

    /// <summary>The height H of every image, in pixels.</summary>
    public int ImageHeight { get; }

    /// <summary>The width W of every image, in pixels.</summary>
    public int ImageWidth { get; }

    /// <summary>The number of images in a row of the grid.</summary>
    public int Columns { get; }

    /// <summary>The images in the order they were added, laid out left to right, then down.</summary>
    public IReadOnlyList<GridImage> Images => _images;

    /// <summary>Displays the grid in the running cell. Call <c>Update(grid)</c> on the result
    /// to redraw the same output after a change.</summary>
    /// <exception cref="InvalidOperationException">No notebook cell is running.</exception>
    public DisplayedValue Display() => ChartDisplay.Show(this);

    /// <summary>Adds an image given as H·W pixels in row-major order.</summary>
    /// <exception cref="ArgumentException"><paramref name="pixels"/> does not have H·W values.</exception>
    public void Add(IReadOnlyList<double> pixels, string caption)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(caption);
        if (pixels.Count != ImageHeight * ImageWidth)
        {
            throw new ArgumentException(
                $"ImageGrid.Add: the image has {pixels.Count} pixels but the grid's images are " +
                $"{ImageHeight} × {ImageWidth} = {ImageHeight * ImageWidth}.", nameof(pixels));
        }

        _images.Add(new GridImage([.. pixels], caption));
    }

    /// <summary>Adds an image given as a tensor of H·W values in row-major order, either one
    /// row [1, H·W] such as a row of a data set, or the image itself [H, W].</summary>
    /// <exception cref="TensorShapeException"><paramref name="image"/> is neither [1, H·W] nor
    /// [H, W].</exception>
    public void Add(Tensor image, string caption)
    {
        ArgumentNullException.ThrowIfNull(image);
        bool isRow = image.Rows == 1 && image.Columns == ImageHeight * ImageWidth;
        bool isImage = image.Rows == ImageHeight && image.Columns == ImageWidth;
        if (!isRow && !isImage)
        {
            throw new TensorShapeException("ImageGrid.Add", image.Shape,
                new Shape(ImageHeight, ImageWidth),
                $"ImageGrid.Add: the image has shape {image.Shape} but the grid needs " +
                $"[1, {ImageHeight * ImageWidth}] or [{ImageHeight}, {ImageWidth}].");
        }

        Add(image.Span.ToArray(), caption);
    }
}
