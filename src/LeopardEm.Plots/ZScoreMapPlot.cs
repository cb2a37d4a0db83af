using LeopardEm.Imaging;
using LeopardEm.Peaks;
using ScottPlot;

namespace LeopardEm.Plots;

/// <summary>
/// Figure (a): the z-score map as a grayscale image with every pick circled and labelled with its
/// <c>particle_index</c> (0-based, the row of the particle table). Axes are micrograph pixels of particle centres
/// (map position + N/2), with row 0 at the top as the map is stored; maps larger than the figure are reduced by
/// maximum pooling, so no peak disappears.
/// </summary>
public static class ZScoreMapPlot
{
    /// <summary>Colour of the pick circles and labels (bright orange, visible on gray).</summary>
    public static readonly Color PickColor = Color.FromHex("#FF7F00");

    private const int MaximumCells = 700;
    private const int GrayLevels = 64;

    /// <summary>Renders the figure to PNG bytes.</summary>
    /// <param name="zScores">The (valid-cropped) z-score map.</param>
    /// <param name="picks">Picks in map coordinates, in particle-table order.</param>
    /// <param name="templateSize">Template box N, pixels: shifts the axes to particle centres (0 keeps map
    /// coordinates). Circles have radius N/4, at most 1/30 of the map.</param>
    /// <param name="title">Figure title; null = "z-score map: K picks".</param>
    /// <param name="width">Image width, pixels.</param>
    /// <param name="height">Image height, pixels.</param>
    public static byte[] Render(Image2D zScores, IReadOnlyList<MetricPick> picks, int templateSize, string? title = null, int width = 760, int height = 700)
    {
        using var plot = Create(zScores, picks, templateSize, title);
        return PngFile.Render(plot, width, height);
    }

    /// <summary>Renders and writes the figure (see <see cref="Render"/>).</summary>
    /// <param name="path">PNG file to write (its directory must exist).</param>
    /// <param name="zScores">The (valid-cropped) z-score map.</param>
    /// <param name="picks">Picks in map coordinates, in particle-table order.</param>
    /// <param name="templateSize">Template box N, pixels (0 = map coordinates).</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void Write(string path, Image2D zScores, IReadOnlyList<MetricPick> picks, int templateSize, bool overwrite) =>
        PngFile.Write(path, Render(zScores, picks, templateSize), overwrite);

    /// <summary>The figure, not yet rendered; pick (x, y) is drawn at plot coordinates (X + N/2, Y + N/2).</summary>
    internal static Plot Create(Image2D zScores, IReadOnlyList<MetricPick> picks, int templateSize, string? title)
    {
        ArgumentNullException.ThrowIfNull(zScores);
        ArgumentNullException.ThrowIfNull(picks);
        ArgumentOutOfRangeException.ThrowIfNegative(templateSize);
        var plot = new Plot();
        var offset = templateSize / 2;
        var (cells, factor) = MaxPooled(zScores);
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Grayscale();
        // ScottPlot draws row 0 of the cells at the top of the heatmap's rectangle on screen; with the y axis inverted
        // below, the top is y = offset, so cell [r, c] covers the centres (offset + c, offset + r) as stored.
        heatmap.Extent = new CoordinateRect(offset - 0.5, offset + zScores.Width - 0.5, offset - 0.5, offset + zScores.Height - 0.5);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "z-score";
        colorBar.LabelStyle.FontSize = 15;

        var radius = CircleRadius(zScores, templateSize);
        for (var i = 0; i < picks.Count; i++)
        {
            var (x, y) = (picks[i].X + offset, picks[i].Y + offset);
            var circle = plot.Add.Circle(x, y, radius);
            circle.LineColor = PickColor;
            circle.LineWidth = 2;
            circle.FillColor = Colors.Transparent;

            // The number goes above the circle, or below it when that would leave the map.
            var above = picks[i].Y - 2.2 * radius >= 0;
            var label = plot.Add.Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture), x, above ? y - 1.15 * radius : y + 1.15 * radius);
            label.LabelFontColor = PickColor;
            label.LabelFontSize = 14;
            label.LabelBold = true;
            label.LabelBackgroundColor = Colors.Black.WithAlpha(0.6);
            label.LabelPadding = 2;
            label.LabelAlignment = above ? Alignment.LowerCenter : Alignment.UpperCenter;
        }

        PngFile.Style(
            plot,
            title ?? $"z-score map: {picks.Count} pick{(picks.Count == 1 ? "" : "s")}" + (factor > 1 ? $" (max of {factor}x{factor} px per cell)" : ""),
            "x, particle centre (micrograph pixels)",
            "y, particle centre (micrograph pixels)");
        plot.Axes.SetLimits(offset - 0.5, offset + zScores.Width - 0.5, offset + zScores.Height - 0.5, offset - 0.5);
        plot.Axes.SquareUnits();
        return plot;
    }

    // A quarter of the template (about a particle's radius), but small enough that neighbouring picks stay apart on
    // the figure and large enough to see.
    private static double CircleRadius(Image2D map, int templateSize)
    {
        var cap = Math.Max(map.Height, map.Width) / 30.0;
        return Math.Max(4, templateSize > 0 ? Math.Min(templateSize / 4.0, cap) : cap);
    }

    // 64 gray levels look the same as 256 but make the PNG of a noisy map about half the size.
    private static void Quantize(double[,] cells)
    {
        var finite = cells.Cast<double>().Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return;
        }

        var (low, high) = (finite.Min(), finite.Max());
        if (!(high > low))
        {
            return;
        }

        var step = (high - low) / GrayLevels;
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                cells[r, c] = low + step * Math.Round((cells[r, c] - low) / step);
            }
        }
    }

    // Rows of the result run top to bottom like the map's; each cell is the maximum of a factor x factor block.
    private static (double[,] Cells, int Factor) MaxPooled(Image2D map)
    {
        var factor = (int)Math.Ceiling(Math.Max(map.Height, map.Width) / (double)MaximumCells);
        var rows = (map.Height + factor - 1) / factor;
        var columns = (map.Width + factor - 1) / factor;
        var cells = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var best = double.NegativeInfinity;
                for (var y = r * factor; y < Math.Min(map.Height, (r + 1) * factor); y++)
                {
                    for (var x = c * factor; x < Math.Min(map.Width, (c + 1) * factor); x++)
                    {
                        best = Math.Max(best, map[y, x]);
                    }
                }

                cells[r, c] = best;
            }
        }

        Quantize(cells);
        return (cells, factor);
    }
}
