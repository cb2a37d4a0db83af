using LeopardEm.Imaging;
using LeopardEm.Peaks;

namespace LeopardEm.Plots;

/// <summary>
/// Writes the diagnostic figures of one picking run into a folder, plus an <c>index.html</c> that shows them with the
/// table of picks: <c>zscore_map.png</c> (a), <c>survival.png</c> (b), <c>zscore_mip_density.png</c> (c) and, when
/// z-scores before and after refinement are given, <c>refinement.png</c> (d). Figures (b) and (c) show every metric's
/// view whatever metric picked: the GEV fit and the p-value boundary are computed when the result lacks them.
/// </summary>
public static class PickingReport
{
    /// <summary>File name of figure (a).</summary>
    public const string ZScoreMapFile = "zscore_map.png";

    /// <summary>File name of figure (b).</summary>
    public const string SurvivalFile = "survival.png";

    /// <summary>File name of figure (c).</summary>
    public const string DensityFile = "zscore_mip_density.png";

    /// <summary>File name of figure (d).</summary>
    public const string RefinementFile = "refinement.png";

    /// <summary>File name of the HTML page.</summary>
    public const string IndexFile = "index.html";

    /// <summary>Writes the figures and the page; creates <paramref name="directory"/> if needed.</summary>
    /// <param name="directory">Output folder.</param>
    /// <param name="mip">The MIP map.</param>
    /// <param name="zScores">The z-score map.</param>
    /// <param name="result">What <see cref="ParticlePicker.Pick"/> returned for these maps.</param>
    /// <param name="options">The options it was given (cutoffs, quadrant, GEV window, correlations per pixel).</param>
    /// <param name="templateSize">Template box N, pixels (positions of particle centres).</param>
    /// <param name="overwrite">Whether existing files may be replaced.</param>
    /// <param name="refinement">z-scores per particle before and after refinement, for figure (d); null = no (d).</param>
    /// <returns>The paths written, figures first.</returns>
    public static IReadOnlyList<string> Write(string directory, Image2D mip, Image2D zScores, PickingResult result, PickingOptions options, int templateSize, bool overwrite, (IReadOnlyList<double> Before, IReadOnlyList<double> After)? refinement = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var figures = new List<(string File, string Caption)>();
        void Save(string file, byte[] png, string caption)
        {
            var path = Path.Combine(directory, file);
            PngFile.Write(path, png, overwrite);
            written.Add(path);
            figures.Add((file, caption));
        }

        var metric = MetricName(result.Metric);
        Save(ZScoreMapFile, ZScoreMapPlot.Render(zScores, result.Picks, templateSize, $"z-score map: {result.Picks.Count} {metric} picks"),
            "z-score map with the picks circled and numbered by particle_index; axes are particle centres in micrograph pixels.");

        var gev = result.Gev ?? GevThreshold.Compute(zScores, options.FalsePositives, options.Gev);
        var cutoffs = new List<(string, double)>();
        if (options.ZScoreCutoff is { } fixedCutoff)
        {
            cutoffs.Add(("z-score cutoff (fixed)", fixedCutoff));
        }
        else if (options.CorrelationsPerPixel is { } t)
        {
            cutoffs.Add(("z-score cutoff", ZScoreThreshold.FromFalsePositives(options.FalsePositives, (long)zScores.Height * zScores.Width, t)));
        }

        cutoffs.Add(("GEV cutoff", gev.Cutoff));
        Save(SurvivalFile, SurvivalPlot.Render(zScores.Data, options.CorrelationsPerPixel, gev.Fit, cutoffs, options.FalsePositives),
            "Pixels above each z-score (log scale) against the Gaussian noise model and the GEV fit, with the z-score cutoffs.");

        var scores = result.PValue ?? PValueScores.Compute(mip, zScores, options.Quadrant);
        Save(DensityFile, DensityPlot.Render(mip, zScores, scores, options.PValueCutoff, result.Picks),
            "Density of (z-score, MIP) over all pixels with the p-value metric's boundary −ln p = cutoff and the picks.");

        if (refinement is { } pair)
        {
            Save(RefinementFile, RefinementPlot.Render(pair.Before, pair.After), "z-score of each particle before and after refinement.");
        }

        var index = Path.Combine(directory, IndexFile);
        HtmlReport.Write(index, $"Leopard-EM picks: {metric} metric, cutoff {result.Cutoff:0.###}", figures, result, templateSize, overwrite);
        written.Add(index);
        return written;
    }

    internal static string MetricName(PickingMetric metric) => metric switch
    {
        PickingMetric.ZScore => "z-score",
        PickingMetric.PValue => "p-value",
        PickingMetric.Gev => "GEV",
        _ => metric.ToString(),
    };
}
