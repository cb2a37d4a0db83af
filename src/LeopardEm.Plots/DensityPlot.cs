using System.Globalization;
using LeopardEm.Imaging;
using LeopardEm.Peaks;
using MathNet.Numerics.Distributions;
using ScottPlot;

namespace LeopardEm.Plots;

/// <summary>
/// Figure (c): the joint distribution of z-score and MIP over all pixels (a 2-D histogram, log-scaled counts) with the
/// p-value metric's decision boundary, the contour s = −ln p = cutoff, and the picks. The boundary is exact: it is the
/// fitted ellipse in probit space (plus the quadrant's edges), carried back to data units through the maps' own
/// empirical quantiles, so it bends with the data; parts beyond the largest observed values cannot be placed and are
/// left out. Pixels above and to the right of it are called; noise fills the dense core.
/// </summary>
public static class DensityPlot
{
    /// <summary>Colour of the pick markers.</summary>
    public static readonly Color PickColor = Color.FromHex("#FF7F00");

    /// <summary>Colour of the decision boundary.</summary>
    public static readonly Color BoundaryColor = Color.FromHex("#D62728");

    private const int Bins = 160;
    private const int ArcPoints = 2000;

    /// <summary>Renders the figure to PNG bytes.</summary>
    /// <param name="mip">The MIP map.</param>
    /// <param name="zScores">The z-score map, same shape.</param>
    /// <param name="scores">The p-value metric's scores of these maps (its fitted model draws the boundary).</param>
    /// <param name="cutoff">The threshold on −ln p to draw (Leopard-EM's <c>p_value_cutoff</c>).</param>
    /// <param name="picks">Picks to mark (any metric).</param>
    /// <param name="width">Image width, pixels.</param>
    /// <param name="height">Image height, pixels.</param>
    public static byte[] Render(Image2D mip, Image2D zScores, PValueScores scores, double cutoff, IReadOnlyList<MetricPick> picks, int width = 900, int height = 720)
    {
        using var plot = Create(mip, zScores, scores, cutoff, picks);
        return PngFile.Render(plot, width, height);
    }

    /// <summary>Renders and writes the figure (see <see cref="Render"/>).</summary>
    /// <param name="path">PNG file to write (its directory must exist).</param>
    /// <param name="mip">The MIP map.</param>
    /// <param name="zScores">The z-score map.</param>
    /// <param name="scores">The p-value scores of these maps.</param>
    /// <param name="cutoff">Threshold on −ln p.</param>
    /// <param name="picks">Picks to mark.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void Write(string path, Image2D mip, Image2D zScores, PValueScores scores, double cutoff, IReadOnlyList<MetricPick> picks, bool overwrite) =>
        PngFile.Write(path, Render(mip, zScores, scores, cutoff, picks), overwrite);

    /// <summary>The figure, not yet rendered; a pick is drawn at plot coordinates (z-score, MIP).</summary>
    internal static Plot Create(Image2D mip, Image2D zScores, PValueScores scores, double cutoff, IReadOnlyList<MetricPick> picks)
    {
        ArgumentNullException.ThrowIfNull(mip);
        ArgumentNullException.ThrowIfNull(zScores);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(picks);
        var sortedZ = Sorted(zScores.Data);
        var sortedMip = Sorted(mip.Data);
        var z = new Range(sortedZ[0], sortedZ[^1]);
        var m = new Range(sortedMip[0], sortedMip[^1]);

        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(Histogram(zScores.Data, mip.Data, z, m));
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        heatmap.Extent = new CoordinateRect(z.Min, z.Max, m.Min, m.Max);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "log10(pixels per bin)";
        colorBar.LabelStyle.FontSize = 14;

        var first = true;
        foreach (var segment in Boundary(scores.Model, scores.Quadrant, cutoff, sortedZ, sortedMip))
        {
            var line = plot.Add.ScatterLine(segment.ToArray());
            line.LineColor = BoundaryColor;
            line.LineWidth = 2.5f;
            if (first)
            {
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"−ln p = {cutoff:0.##} (p-value cutoff)");
                first = false;
            }
        }

        if (picks.Count > 0)
        {
            var markers = plot.Add.Markers(picks.Select(p => (double)p.ZScore).ToArray(), picks.Select(p => (double)p.Mip).ToArray(), MarkerShape.OpenCircle, 11, PickColor);
            markers.MarkerLineWidth = 2;
            markers.LegendText = $"picks ({picks.Count})";
        }

        PngFile.Style(plot, "z-score vs MIP of every pixel", "z-score (scaled MIP)", "MIP (max cross-correlation)");
        var padZ = 0.03 * (z.Max - z.Min);
        var padM = 0.03 * (m.Max - m.Min);
        plot.Axes.SetLimits(z.Min - padZ, z.Max + padZ, m.Min - padM, m.Max + padM);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>The decision boundary in (z-score, MIP) units as polylines: the arc of the ellipse r² = 2(cutoff +
    /// ln(γ/2π)) inside the quadrant and the quadrant's edges beyond it, each probit mapped to the value at that
    /// quantile of its map. Points whose quantile lies outside the observed values end a polyline.</summary>
    internal static List<List<Coordinates>> Boundary(AnisotropicGaussian model, PValueQuadrant quadrant, double cutoff, double[] sortedZ, double[] sortedMip)
    {
        var r2 = model.BoundaryRadiusSquared(cutoff);
        var radius = Math.Sqrt(Math.Max(r2, 0));
        var probitPaths = new List<List<(double X1, double X2)>>();

        // The arc inside the quadrant: one connected piece (the ellipse is convex around the origin), which may wrap
        // past angle 0, so the walk starts at a point outside the quadrant.
        var start = Enumerable.Range(0, ArcPoints).FirstOrDefault(i => !InQuadrant(model.ProbitAt(radius, Angle(i)), quadrant));
        var arc = new List<(double, double)>();
        for (var i = 0; i <= ArcPoints && radius > 0; i++)
        {
            var point = model.ProbitAt(radius, Angle(start + i));
            if (InQuadrant(point, quadrant))
            {
                arc.Add(point);
            }
        }

        probitPaths.Add(arc);

        // Edges of the quadrant from where the ellipse crosses the axes outwards (First: the positive half-axes;
        // Three: the negative ones, which bound the excluded third quadrant).
        var sign = quadrant == PValueQuadrant.First ? 1.0 : -1.0;
        var onX2Axis = radius / Math.Sqrt(Square(Math.Sin(model.W) / model.A) + Square(Math.Cos(model.W) / model.B));
        var onX1Axis = radius / Math.Sqrt(Square(Math.Cos(model.W) / model.A) + Square(Math.Sin(model.W) / model.B));
        probitPaths.Add(Ray(onX2Axis, sign, (t) => (0, t)));
        probitPaths.Add(Ray(onX1Axis, sign, (t) => (t, 0)));

        var segments = new List<List<Coordinates>>();
        foreach (var path in probitPaths)
        {
            var segment = new List<Coordinates>();
            foreach (var (x1, x2) in path)
            {
                var zValue = Quantile(sortedZ, x1);
                var mipValue = Quantile(sortedMip, x2);
                if (double.IsNaN(zValue) || double.IsNaN(mipValue))
                {
                    Flush();
                    continue;
                }

                segment.Add(new Coordinates(zValue, mipValue));
            }

            Flush();

            void Flush()
            {
                if (segment.Count > 1)
                {
                    segments.Add(segment);
                }

                segment = [];
            }
        }

        return segments;
    }

    private static double Angle(int step) => 2 * Math.PI * step / ArcPoints;

    private static bool InQuadrant((double X1, double X2) point, PValueQuadrant quadrant) =>
        AnisotropicGaussian.InQuadrant(point.X1, point.X2, quadrant);

    private static List<(double, double)> Ray(double start, double sign, Func<double, (double, double)> at)
    {
        var points = new List<(double, double)>();
        for (var t = start; t <= 8.5; t += 0.01)
        {
            points.Add(at(sign * t));
        }

        return points;
    }

    // The value of the map at the quantile Φ(probit): fractional 0-based rank u·n − 0.5, the inverse of the probit
    // transform's u = (rank − 0.5)/n, linearly interpolated; NaN beyond the smallest or largest value.
    private static double Quantile(double[] sorted, double probit)
    {
        var position = Normal.CDF(0, 1, probit) * sorted.Length - 0.5;
        if (position < 0 || position > sorted.Length - 1)
        {
            return double.NaN;
        }

        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static double[,] Histogram(float[] zScores, float[] mip, Range z, Range m)
    {
        var counts = new double[Bins, Bins];
        for (var i = 0; i < zScores.Length; i++)
        {
            if (!float.IsFinite(zScores[i]) || !float.IsFinite(mip[i]))
            {
                continue;
            }

            var column = Bin(zScores[i], z);
            var row = Bins - 1 - Bin(mip[i], m);
            counts[row, column]++;
        }

        for (var r = 0; r < Bins; r++)
        {
            for (var c = 0; c < Bins; c++)
            {
                counts[r, c] = counts[r, c] > 0 ? Math.Log10(counts[r, c]) : double.NaN;
            }
        }

        return counts;
    }

    private static int Bin(double value, Range range) =>
        Math.Clamp((int)((value - range.Min) / (range.Max - range.Min) * Bins), 0, Bins - 1);

    private static double[] Sorted(float[] values)
    {
        var sorted = values.Where(float.IsFinite).Select(v => (double)v).ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The map has no finite values.", nameof(values));
        }

        Array.Sort(sorted);
        return sorted;
    }

    private static double Square(double x) => x * x;

    private readonly record struct Range(double Min, double Max);
}
