using ScottPlot;
using SkiaSharp;

namespace LeopardEm.Tests.Plots;

/// <summary>A figure rendered to PNG and decoded again, with the plot kept so data coordinates can be turned into
/// image pixels (valid after the render).</summary>
internal sealed class RenderedFigure : IDisposable
{
    private readonly Plot _plot;

    public RenderedFigure(Plot plot, int width, int height)
    {
        _plot = plot;
        Png = plot.GetImageBytes(width, height, ImageFormat.Png);
        Bitmap = SKBitmap.Decode(Png) ?? throw new InvalidOperationException("The PNG could not be decoded.");
    }

    public byte[] Png { get; }

    public SKBitmap Bitmap { get; }

    /// <summary>Image pixel of plot coordinates (x, y).</summary>
    public (int X, int Y) PixelOf(double x, double y)
    {
        var pixel = _plot.GetPixel(new Coordinates(x, y));
        return ((int)Math.Round(pixel.X), (int)Math.Round(pixel.Y));
    }

    /// <summary>Pixels within <paramref name="radius"/> of (x, y) whose colour is within a small distance of
    /// <paramref name="color"/> (anti-aliased edges blend colours).</summary>
    public int CountNear((int X, int Y) centre, int radius, Color color)
    {
        var count = 0;
        for (var y = Math.Max(0, centre.Y - radius); y <= Math.Min(Bitmap.Height - 1, centre.Y + radius); y++)
        {
            for (var x = Math.Max(0, centre.X - radius); x <= Math.Min(Bitmap.Width - 1, centre.X + radius); x++)
            {
                var p = Bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - color.R) + Math.Abs(p.Green - color.G) + Math.Abs(p.Blue - color.B) < 60)
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Number of distinct colours (a blank or single-colour image has 1).</summary>
    public int DistinctColors() => Bitmap.Pixels.Select(p => (uint)p).Distinct().Count();

    public void Dispose()
    {
        Bitmap.Dispose();
        _plot.Dispose();
    }
}
