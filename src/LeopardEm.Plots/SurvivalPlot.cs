using System.Globalization;
using LeopardEm.Numerics;
using LeopardEm.Peaks;
using MathNet.Numerics.Distributions;
using ScottPlot;

namespace LeopardEm.Plots;

/// <summary>
/// Figure (b): how many pixels exceed each z-score, on a logarithmic axis, against two noise models. The Gaussian
/// model is the null hypothesis of the z-score threshold: every correlation an independent N(0, 1), so a pixel's
/// best of T exceeds x with probability 1 − Φ(x)^T, and pixels x that is the expected count. (The threshold itself
/// uses the union bound pixels·T·(1 − Φ(x)); the two agree where counts are small, and the exact form stays below
/// the number of pixels.) The GEV model is the fit of the GEV metric, pixels·sf(x). Cutoffs are vertical dashed
/// lines; a horizontal line marks the expected false positives they were set for. A tail of real particles rises
/// above the models at high z-scores; noise that is not Gaussian bends the observed curve away from the Gaussian one.
/// </summary>
public static class SurvivalPlot
{
    /// <summary>Colour of the observed survival curve.</summary>
    public static readonly Color ObservedColor = Color.FromHex("#1F4E79");

    private static readonly Color GaussianColor = Color.FromHex("#7F7F7F");
    private static readonly Color GevColor = Color.FromHex("#2CA02C");
    private static readonly Color[] CutoffColors = [Color.FromHex("#D62728"), Color.FromHex("#FF7F00"), Color.FromHex("#9467BD")];
    private const int CurvePoints = 400;

    /// <summary>Renders the figure to PNG bytes.</summary>
    /// <param name="zScores">All z-scores of the map (NaN ignored).</param>
    /// <param name="correlationsPerPixel">T, for the Gaussian model; null leaves it out.</param>
    /// <param name="gev">The GEV fit; null leaves it out.</param>
    /// <param name="cutoffs">Named z-score cutoffs to mark, e.g. ("z-score cutoff", 7.2).</param>
    /// <param name="falsePositives">Expected false positives the cutoffs were set for (horizontal line); null = none.</param>
    /// <param name="width">Image width, pixels.</param>
    /// <param name="height">Image height, pixels.</param>
    public static byte[] Render(ReadOnlySpan<float> zScores, long? correlationsPerPixel, GevDistribution? gev, IReadOnlyList<(string Label, double ZScore)> cutoffs, double? falsePositives, int width = 900, int height = 620)
    {
        using var plot = Create(zScores, correlationsPerPixel, gev, cutoffs, falsePositives);
        return PngFile.Render(plot, width, height);
    }

    /// <summary>Renders and writes the figure (see <see cref="Render"/>).</summary>
    /// <param name="path">PNG file to write (its directory must exist).</param>
    /// <param name="zScores">All z-scores of the map.</param>
    /// <param name="correlationsPerPixel">T, for the Gaussian model; null leaves it out.</param>
    /// <param name="gev">The GEV fit; null leaves it out.</param>
    /// <param name="cutoffs">Named z-score cutoffs to mark.</param>
    /// <param name="falsePositives">Expected false positives (horizontal line); null = none.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void Write(string path, ReadOnlySpan<float> zScores, long? correlationsPerPixel, GevDistribution? gev, IReadOnlyList<(string Label, double ZScore)> cutoffs, double? falsePositives, bool overwrite) =>
        PngFile.Write(path, Render(zScores, correlationsPerPixel, gev, cutoffs, falsePositives), overwrite);

    /// <summary>The figure, not yet rendered; y is log10 of the count.</summary>
    internal static Plot Create(ReadOnlySpan<float> zScores, long? correlationsPerPixel, GevDistribution? gev, IReadOnlyList<(string Label, double ZScore)> cutoffs, double? falsePositives)
    {
        ArgumentNullException.ThrowIfNull(cutoffs);
        var sorted = Finite(zScores);
        if (sorted.Length == 0)
        {
            throw new ArgumentException("The map has no finite z-scores.", nameof(zScores));
        }

        var pixels = (double)zScores.Length;
        var plot = new Plot();
        var low = sorted[0];
        var high = Math.Max(sorted[^1], cutoffs.Count == 0 ? double.NegativeInfinity : cutoffs.Max(c => c.ZScore)) + 0.5;

        if (correlationsPerPixel is { } t)
        {
            var gaussian = plot.Add.ScatterLine(ModelCurve(low, high, x => pixels * BestOfTail(x, t)));
            gaussian.LegendText = $"Gaussian noise, best of T = {t:N0} per pixel";
            gaussian.LineColor = GaussianColor;
            gaussian.LineWidth = 2;
            gaussian.LinePattern = LinePattern.Dashed;
        }

        if (gev is { } fit)
        {
            var curve = plot.Add.ScatterLine(ModelCurve(low, high, x => pixels * fit.Survival(x)));
            curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"GEV fit (c = {fit.Shape:0.###}, loc = {fit.Location:0.###}, scale = {fit.Scale:0.###})");
            curve.LineColor = GevColor;
            curve.LineWidth = 2;
        }

        // Drawn after the models so that it stays visible where they agree with it.
        var observed = plot.Add.ScatterLine(ObservedCurve(sorted));
        observed.LegendText = $"observed ({sorted.Length:N0} pixels)";
        observed.LineColor = ObservedColor;
        observed.LineWidth = 2.5f;

        for (var i = 0; i < cutoffs.Count; i++)
        {
            var line = plot.Add.VerticalLine(cutoffs[i].ZScore, 2, CutoffColors[i % CutoffColors.Length], LinePattern.Dashed);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{cutoffs[i].Label} = {cutoffs[i].ZScore:0.###}");
        }

        if (falsePositives is { } fp)
        {
            var line = plot.Add.HorizontalLine(Math.Log10(fp), 1, Colors.Black.WithAlpha(0.5), LinePattern.Dotted);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{fp:0.###} expected false positive{(fp == 1 ? "" : "s")}");
        }

        PngFile.Style(plot, "Survival function of the z-scores", "z-score", "pixels with a higher z-score");
        LogAxis.Apply(plot.Axes.Left);
        plot.Axes.SetLimits(low, high, -1.5, Math.Log10(pixels) + 0.3);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>P(best of <paramref name="t"/> independent N(0, 1) &gt; x) = 1 − Φ(x)^t, without cancellation.</summary>
    internal static double BestOfTail(double x, long t) =>
        -PreciseMath.ExpM1(t * PreciseMath.LogOnePlus(-Normal.CDF(0, 1, -x)));

    private static double[] Finite(ReadOnlySpan<float> values)
    {
        var finite = new List<double>(values.Length);
        foreach (var value in values)
        {
            if (float.IsFinite(value))
            {
                finite.Add(value);
            }
        }

        finite.Sort();
        return [.. finite];
    }

    // (x, log10 count above x) at the sorted values, the k largest for k = 1, 2, 3, … and then geometrically spaced
    // counts, so the rare high values that matter keep every point and the bulk a few hundred.
    private static Coordinates[] ObservedCurve(double[] sorted)
    {
        var points = new List<Coordinates>();
        var count = 1.0;
        while (count < sorted.Length)
        {
            var k = (int)count;
            points.Add(new Coordinates(sorted[sorted.Length - k - 1], Math.Log10(k)));
            count = Math.Max(count + 1, count * 1.02);
        }

        points.Add(new Coordinates(sorted[0], Math.Log10(sorted.Length)));
        points.Reverse();
        return [.. points];
    }

    private static Coordinates[] ModelCurve(double low, double high, Func<double, double> expectedCount)
    {
        var points = new List<Coordinates>(CurvePoints);
        for (var i = 0; i < CurvePoints; i++)
        {
            var x = low + (high - low) * i / (CurvePoints - 1);
            var y = expectedCount(x);
            if (y > 1e-3)
            {
                points.Add(new Coordinates(x, Math.Log10(y)));
            }
        }

        return [.. points];
    }
}
