using System.Globalization;

namespace LeopardEm.Bench;

/// <summary>A micrograph size in pixels; written and parsed as <c>W</c> (square) or <c>WxH</c> (columns x rows).</summary>
internal readonly record struct FrameSize(int Width, int Height)
{
    /// <summary>Number of pixels W·H.</summary>
    public long Pixels => (long)Width * Height;

    /// <summary>Parses <c>4096</c> or <c>5760x4092</c>.</summary>
    public static FrameSize Parse(string text)
    {
        var parts = text.Trim().Split('x', 'X');
        var width = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var height = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : width;
        if (parts.Length > 2 || width < 2 || height < 2)
        {
            throw new FormatException($"'{text}' is not a size (W or WxH).");
        }

        return new FrameSize(width, height);
    }

    /// <inheritdoc />
    public override string ToString() => Width == Height ? $"{Width}²" : $"{Width}x{Height}";
}
