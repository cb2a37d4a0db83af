namespace LeopardEm.Imaging;

/// <summary>
/// A real 2-D image in float32, row-major: element <c>[y, x]</c> is at <c>Data[y * Width + x]</c>; y is the row
/// (MRC ny), x the column (MRC nx). Pixel (0, 0) is the top-left corner as stored in the file.
/// </summary>
public sealed class Image2D
{
    /// <summary>Creates a zero image.</summary>
    /// <param name="height">Rows (y), at least 1.</param>
    /// <param name="width">Columns (x), at least 1.</param>
    public Image2D(int height, int width)
        : this(height, width, new float[checked(height * width)])
    {
    }

    /// <summary>Wraps existing row-major data (not copied).</summary>
    /// <param name="height">Rows (y), at least 1.</param>
    /// <param name="width">Columns (x), at least 1.</param>
    /// <param name="data">Row-major samples, exactly height x width of them.</param>
    public Image2D(int height, int width, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)height * width)
        {
            throw new ArgumentException($"Expected {height} x {width} = {(long)height * width} samples, got {data.Length}.", nameof(data));
        }

        Height = height;
        Width = width;
        Data = data;
    }

    /// <summary>Rows (y).</summary>
    public int Height { get; }

    /// <summary>Columns (x).</summary>
    public int Width { get; }

    /// <summary>Row-major samples.</summary>
    public float[] Data { get; }

    /// <summary>Sample at row <paramref name="y"/>, column <paramref name="x"/>.</summary>
    public float this[int y, int x]
    {
        get => Data[y * Width + x];
        set => Data[y * Width + x] = value;
    }

    /// <summary>One row as a span.</summary>
    public Span<float> Row(int y) => Data.AsSpan(y * Width, Width);
}
