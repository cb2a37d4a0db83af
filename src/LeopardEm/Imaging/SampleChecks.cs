namespace LeopardEm.Imaging;

/// <summary>
/// Checks that an image or volume read from a file can be searched: every sample finite, not all equal (a constant has
/// no signal to correlate), and small enough that float32 transforms of it cannot overflow. A file that fails gets a
/// message naming it and the first offending voxel, instead of NaN maps or silent zero maps.
/// </summary>
public static class SampleChecks
{
    // An FFT output is bounded by Σ|v| ≤ sqrt(n·Σv²); keeping that far below float.MaxValue (3.4e38) leaves room for the
    // products and sums that follow.
    private const double LargestTransformBound = 1e30;

    /// <summary>Throws unless <paramref name="image"/> can be searched.</summary>
    /// <param name="image">The image.</param>
    /// <param name="what">What the data is, for the message ("the micrograph").</param>
    /// <param name="file">The file it came from.</param>
    /// <exception cref="InvalidDataException">A value is NaN or infinite, all values are equal, or they are too large.</exception>
    public static void RequireSearchable(Image2D image, string what, string file)
    {
        ArgumentNullException.ThrowIfNull(image);
        RequireSearchable(image.Data, image.Width, image.Height, volume: false, what, file);
    }

    /// <summary>Throws unless <paramref name="volume"/> can be searched (as <see cref="RequireSearchable(Image2D, string, string)"/>).</summary>
    /// <param name="volume">The volume (x fastest, then y, then z).</param>
    /// <param name="what">What the data is, for the message ("the template").</param>
    /// <param name="file">The file it came from.</param>
    public static void RequireSearchable(Volume3D volume, string what, string file)
    {
        ArgumentNullException.ThrowIfNull(volume);
        RequireSearchable(volume.Data, volume.Width, volume.Height, volume: true, what, file);
    }

    private static void RequireSearchable(ReadOnlySpan<float> samples, int width, int height, bool volume, string what, string file)
    {
        double squares = 0;
        var first = samples.IsEmpty ? 0f : samples[0];
        var constant = true;
        for (var i = 0; i < samples.Length; i++)
        {
            var v = samples[i];
            if (!float.IsFinite(v))
            {
                var kind = float.IsNaN(v) ? "NaN" : v > 0 ? "+infinity" : "-infinity";
                throw new InvalidDataException(
                    $"{Capitalised(what)} '{file}' holds {kind} at {Position(i, width, height, volume)}; every value must be a finite number. " +
                    "Repair or regenerate the file.");
            }

            constant &= v == first;
            squares += (double)v * v;
        }

        if (constant)
        {
            throw new InvalidDataException(
                $"{Capitalised(what)} '{file}' has the same value ({first}) everywhere, so it has no signal to correlate; check that it is the right file.");
        }

        if (Math.Sqrt(samples.Length * squares) > LargestTransformBound)
        {
            throw new InvalidDataException(
                $"{Capitalised(what)} '{file}' has values too large for float32 transforms (root-sum-square {Math.Sqrt(squares):E2}); " +
                "rescale it (only its shape matters to the search).");
        }
    }

    private static string Position(int index, int width, int height, bool volume)
    {
        int x = index % width, y = index / width % height, z = index / width / height;
        return volume ? $"voxel (x {x}, y {y}, z {z})" : $"pixel (x {x}, y {y})";
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
