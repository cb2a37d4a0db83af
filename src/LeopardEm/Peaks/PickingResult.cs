using LeopardEm.Imaging;

namespace LeopardEm.Peaks;

/// <summary>What <see cref="ParticlePicker.Pick"/> found and how.</summary>
public sealed class PickingResult
{
    internal PickingResult(PickingMetric metric, double cutoff, Image2D scoreMap, IReadOnlyList<MetricPick> picks, IReadOnlyList<string> warnings, PValueScores? pValue, GevThreshold? gev)
    {
        Metric = metric;
        Cutoff = cutoff;
        ScoreMap = scoreMap;
        Picks = picks;
        Warnings = warnings;
        PValue = pValue;
        Gev = gev;
    }

    /// <summary>The metric used.</summary>
    public PickingMetric Metric { get; }

    /// <summary>The threshold applied to <see cref="ScoreMap"/> (strictly greater passes): a z-score, or s = −ln p.</summary>
    public double Cutoff { get; }

    /// <summary>The map that was thresholded: the z-score map itself, or the −ln p map of the p-value metric.</summary>
    public Image2D ScoreMap { get; }

    /// <summary>The picks in descending metric value.</summary>
    public IReadOnlyList<MetricPick> Picks { get; }

    /// <summary>Leopard-EM's warnings, for the caller to show: no peaks found; more than 1000 GEV peaks.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The p-value scores and model (p-value metric only).</summary>
    public PValueScores? PValue { get; }

    /// <summary>The GEV fit and threshold (GEV metric only).</summary>
    public GevThreshold? Gev { get; }
}
