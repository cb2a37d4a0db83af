using LeopardEm.Io;
using ScottPlot;

namespace LeopardEm.Plots;

/// <summary>Renders a ScottPlot figure to PNG and writes it atomically, like every other output of the project.</summary>
internal static class PngFile
{
    /// <summary>PNG bytes of <paramref name="plot"/> at <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] Render(Plot plot, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Writes PNG bytes through <see cref="AtomicFileWriter"/>.</summary>
    public static void Write(string path, byte[] png, bool overwrite) =>
        AtomicFileWriter.Write(path, overwrite, stream => stream.Write(png));

    /// <summary>Applies the look shared by every figure: larger fonts than ScottPlot's default, for figures that are
    /// read at a glance in a report or on a slide.</summary>
    public static void Style(Plot plot, string title, string xLabel, string yLabel)
    {
        plot.Title(title, 17);
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
    }
}
