using LeopardEm.Imaging;

namespace LeopardEm.Peaks;

/// <summary>
/// Calls particles in the MIP and z-score maps of a search with any <see cref="PickingMetric"/>: the one entry point
/// for picking at the end of a search and for re-picking from saved maps.
/// </summary>
public static class ParticlePicker
{
    /// <summary>Leopard-EM warns when the GEV metric finds more peaks than this (a sign of a poor fit).</summary>
    public const int GevPeakWarningCount = 1000;

    /// <summary>Picks particles.</summary>
    /// <param name="mip">The MIP map.</param>
    /// <param name="zScores">The z-score (scaled MIP) map, same shape.</param>
    /// <param name="options">Metric and parameters.</param>
    /// <exception cref="ArgumentException">The maps differ in shape, or the z-score metric has neither a cutoff nor
    /// the number of correlations per pixel.</exception>
    public static PickingResult Pick(Image2D mip, Image2D zScores, PickingOptions options)
    {
        ArgumentNullException.ThrowIfNull(mip);
        ArgumentNullException.ThrowIfNull(zScores);
        ArgumentNullException.ThrowIfNull(options);
        if (mip.Height != zScores.Height || mip.Width != zScores.Width)
        {
            throw new ArgumentException($"The MIP ({mip.Height} x {mip.Width}) and z-score ({zScores.Height} x {zScores.Width}) maps differ in shape.", nameof(zScores));
        }

        var warnings = new List<string>();
        PValueScores? pValue = null;
        GevThreshold? gev = null;
        Image2D scoreMap;
        double cutoff;
        string name;
        switch (options.Metric)
        {
            case PickingMetric.ZScore:
                scoreMap = zScores;
                cutoff = options.ZScoreCutoff ?? ZScoreThreshold.FromFalsePositives(
                    options.FalsePositives,
                    (long)zScores.Height * zScores.Width,
                    options.CorrelationsPerPixel ?? throw new ArgumentException("The z-score metric needs the number of correlations per pixel (or a fixed z-score cutoff).", nameof(options)));
                name = "z-score";
                break;
            case PickingMetric.PValue:
                pValue = PValueScores.Compute(mip, zScores, options.Quadrant);
                scoreMap = pValue.NegativeLogP;
                cutoff = options.PValueCutoff;
                name = "p-value";
                break;
            case PickingMetric.Gev:
                gev = GevThreshold.Compute(zScores, options.FalsePositives, options.Gev);
                scoreMap = zScores;
                cutoff = gev.Cutoff;
                name = "GEV";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Metric, "Unknown picking metric.");
        }

        var picks = PeakFinder.Find(scoreMap, cutoff, options.MaskRadius)
            .Select(p => new MetricPick(p.Y, p.X, p.ZScore, zScores[p.Y, p.X], mip[p.Y, p.X]))
            .ToList();
        if (picks.Count == 0)
        {
            warnings.Add($"No peaks found using {name} metric.");
        }
        else if (gev is not null && picks.Count > GevPeakWarningCount)
        {
            warnings.Add($"{picks.Count} peaks found using GEV metric (more than {GevPeakWarningCount}): the GEV fit may not describe this map's noise; check the survival plot.");
        }

        return new PickingResult(options.Metric, cutoff, scoreMap, picks, warnings, pValue, gev);
    }
}
