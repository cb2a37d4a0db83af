using System.Globalization;
using ScottPlot;

namespace LeopardEm.Plots;

/// <summary>
/// Figure (d): each particle's z-score before refinement (match_template) and after (refine_template), joined by a
/// line, with the particles along x in table order. Rising lines are particles whose refined pose correlates better;
/// the title gives the median change and how many improved.
/// </summary>
public static class RefinementPlot
{
    /// <summary>Colour of the "after" markers.</summary>
    public static readonly Color AfterColor = Color.FromHex("#1F77B4");

    private static readonly Color BeforeColor = Color.FromHex("#8C8C8C");

    /// <summary>Renders the figure to PNG bytes.</summary>
    /// <param name="before">z-score of each particle before refinement (<c>scaled_mip</c>).</param>
    /// <param name="after">z-score after refinement (<c>refined_scaled_mip</c>), same length and order.</param>
    /// <param name="width">Image width, pixels.</param>
    /// <param name="height">Image height, pixels.</param>
    public static byte[] Render(IReadOnlyList<double> before, IReadOnlyList<double> after, int width = 900, int height = 560)
    {
        using var plot = Create(before, after);
        return PngFile.Render(plot, width, height);
    }

    /// <summary>Renders and writes the figure (see <see cref="Render"/>).</summary>
    /// <param name="path">PNG file to write (its directory must exist).</param>
    /// <param name="before">z-scores before refinement.</param>
    /// <param name="after">z-scores after refinement, same order.</param>
    /// <param name="overwrite">Whether an existing file may be replaced.</param>
    public static void Write(string path, IReadOnlyList<double> before, IReadOnlyList<double> after, bool overwrite) =>
        PngFile.Write(path, Render(before, after), overwrite);

    /// <summary>The figure, not yet rendered; particle i is drawn at x = i.</summary>
    internal static Plot Create(IReadOnlyList<double> before, IReadOnlyList<double> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Count != after.Count || before.Count == 0)
        {
            throw new ArgumentException($"Need the same non-zero number of z-scores before and after refinement (got {before.Count} and {after.Count}).", nameof(after));
        }

        var plot = new Plot();
        var index = Enumerable.Range(0, before.Count).Select(i => (double)i).ToArray();
        for (var i = 0; i < before.Count; i++)
        {
            var link = plot.Add.Line(i, before[i], i, after[i]);
            link.LineColor = after[i] >= before[i] ? AfterColor.WithAlpha(0.5) : Color.FromHex("#D62728").WithAlpha(0.6);
            link.LineWidth = 2;
        }

        var markerSize = before.Count > 100 ? 5 : 10;
        var first = plot.Add.Markers(index, [.. before], MarkerShape.OpenCircle, markerSize, BeforeColor);
        first.MarkerLineWidth = 2;
        first.LegendText = "match_template (scaled_mip)";
        var second = plot.Add.Markers(index, [.. after], MarkerShape.FilledCircle, markerSize, AfterColor);
        second.LegendText = "refine_template (refined_scaled_mip)";

        var changes = before.Zip(after, (b, a) => a - b).Order().ToArray();
        var median = changes.Length % 2 == 1 ? changes[changes.Length / 2] : 0.5 * (changes[changes.Length / 2 - 1] + changes[changes.Length / 2]);
        var improved = changes.Count(c => c > 0);
        PngFile.Style(
            plot,
            string.Create(CultureInfo.InvariantCulture, $"Refinement: median z-score change {median:+0.00;-0.00;0.00}, {improved} of {changes.Length} improved"),
            "particle index",
            "z-score");
        var low = Math.Min(before.Min(), after.Min());
        var high = Math.Max(before.Max(), after.Max());
        var pad = 0.08 * Math.Max(high - low, 1);
        plot.Axes.SetLimits(-0.7, before.Count - 0.3, low - pad, high + 2.5 * pad);
        if (before.Count <= 30)
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(before.Count <= 15 ? 1 : 2);
        }

        plot.ShowLegend(Alignment.UpperLeft, Orientation.Horizontal);
        plot.Legend.FontSize = 13;
        return plot;
    }
}
