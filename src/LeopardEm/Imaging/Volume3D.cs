namespace LeopardEm.Imaging;

/// <summary>
/// A real 3-D volume in float32, row-major <c>[z, y, x]</c>: element (z, y, x) is at
/// <c>Data[(z * Height + y) * Width + x]</c>; x is the fastest axis (MRC nx), z the section (MRC nz).
/// </summary>
public sealed class Volume3D
{
    /// <summary>Creates a zero volume.</summary>
    public Volume3D(int depth, int height, int width)
        : this(depth, height, width, new float[checked(depth * height * width)])
    {
    }

    /// <summary>Wraps existing row-major data (not copied).</summary>
    /// <param name="depth">Sections (z), at least 1.</param>
    /// <param name="height">Rows (y), at least 1.</param>
    /// <param name="width">Columns (x), at least 1.</param>
    /// <param name="data">Samples, exactly depth x height x width of them.</param>
    public Volume3D(int depth, int height, int width, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != (long)depth * height * width)
        {
            throw new ArgumentException($"Expected {depth} x {height} x {width} samples, got {data.Length}.", nameof(data));
        }

        Depth = depth;
        Height = height;
        Width = width;
        Data = data;
    }

    /// <summary>Sections (z).</summary>
    public int Depth { get; }

    /// <summary>Rows (y).</summary>
    public int Height { get; }

    /// <summary>Columns (x).</summary>
    public int Width { get; }

    /// <summary>True when depth, height and width are equal (a cubic template).</summary>
    public bool IsCubic => Depth == Height && Height == Width;

    /// <summary>Row-major samples.</summary>
    public float[] Data { get; }

    /// <summary>Sample at (z, y, x).</summary>
    public float this[int z, int y, int x]
    {
        get => Data[((long)z * Height + y) * Width + x];
        set => Data[((long)z * Height + y) * Width + x] = value;
    }
}
