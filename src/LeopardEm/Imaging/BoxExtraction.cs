namespace LeopardEm.Imaging;

/// <summary>
/// Cuts rectangular boxes out of an image, filling what lies outside the image by a <see cref="PaddingMode"/>
/// (Leopard-EM <c>get_cropped_image_regions</c> with <c>handle_bounds="pad"</c>, spec §2.5). Positions are the box's
/// top-left corner in image pixels, row first.
/// </summary>
public static class BoxExtraction
{
    /// <summary>Copies the <paramref name="height"/> x <paramref name="width"/> box at (<paramref name="top"/>,
    /// <paramref name="left"/>) into <paramref name="output"/> (row-major).</summary>
    /// <param name="image">Source image.</param>
    /// <param name="top">Row of the box's top-left corner; may be negative.</param>
    /// <param name="left">Column of the box's top-left corner; may be negative.</param>
    /// <param name="height">Box rows.</param>
    /// <param name="width">Box columns.</param>
    /// <param name="mode">How pixels outside the image are filled.</param>
    /// <param name="padValue">The fill value of <see cref="PaddingMode.Constant"/>.</param>
    /// <param name="output">height x width destination.</param>
    /// <exception cref="ArgumentOutOfRangeException">The box does not overlap the image at all (Leopard-EM pads by box
    /// − 1 pixels and then silently moves such a box; a box that far out means the position is wrong).</exception>
    public static void Extract(
        Image2D image, int top, int left, int height, int width, PaddingMode mode, float padValue, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (output.Length != height * width)
        {
            throw new ArgumentException($"Expected {height} x {width} output values, got {output.Length}.", nameof(output));
        }

        if (!Overlaps(image, top, left, height, width))
        {
            throw new ArgumentOutOfRangeException(
                nameof(top),
                $"A {width} x {height} box at (x {left}, y {top}) does not overlap the {image.Width} x {image.Height} image.");
        }

        for (var y = 0; y < height; y++)
        {
            var row = output.Slice(y * width, width);
            var sourceY = Index(top + y, image.Height, mode);
            if (sourceY < 0)
            {
                row.Fill(padValue);
                continue;
            }

            var source = image.Row(sourceY);
            for (var x = 0; x < width; x++)
            {
                var sourceX = Index(left + x, image.Width, mode);
                row[x] = sourceX < 0 ? padValue : source[sourceX];
            }
        }
    }

    /// <summary>Whether the <paramref name="height"/> x <paramref name="width"/> box at (<paramref name="top"/>,
    /// <paramref name="left"/>) shares at least one pixel with <paramref name="image"/>.</summary>
    public static bool Overlaps(Image2D image, int top, int left, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(image);
        return top < image.Height && left < image.Width && top + height > 0 && left + width > 0;
    }

    /// <summary>The box as a new array; see <see cref="Extract(Image2D, int, int, int, int, PaddingMode, float, Span{float})"/>.</summary>
    public static float[] Extract(Image2D image, int top, int left, int height, int width, PaddingMode mode, float padValue = 0f)
    {
        var output = new float[checked(height * width)];
        Extract(image, top, left, height, width, mode, padValue, output);
        return output;
    }

    // The source index of position i along an axis of the given size, or −1 for the constant fill.
    private static int Index(int i, int size, PaddingMode mode)
    {
        if ((uint)i < (uint)size)
        {
            return i;
        }

        switch (mode)
        {
            case PaddingMode.Replicate:
                return Math.Clamp(i, 0, size - 1);
            case PaddingMode.Reflect when size > 1:
                // Mirror images repeat with period 2(size − 1), as NumPy's reflect padding does for wide pads.
                var period = 2 * (size - 1);
                var folded = ((i % period) + period) % period;
                return folded < size ? folded : period - folded;
            case PaddingMode.Reflect:
                return 0;
            default:
                return -1;
        }
    }
}
