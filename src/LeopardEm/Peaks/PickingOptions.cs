namespace LeopardEm.Peaks;

/// <summary>
/// Parameters of <see cref="ParticlePicker.Pick"/> for every metric, with Leopard-EM's names and defaults. Each
/// metric reads only its own: z-score → <see cref="FalsePositives"/>, <see cref="ZScoreCutoff"/>,
/// <see cref="CorrelationsPerPixel"/>; p-value → <see cref="PValueCutoff"/>, <see cref="Quadrant"/>; GEV →
/// <see cref="FalsePositives"/>, <see cref="Gev"/>. All use <see cref="MaskRadius"/>.
/// </summary>
public sealed record PickingOptions
{
    /// <summary>The metric.</summary>
    public PickingMetric Metric { get; init; } = PickingMetric.ZScore;

    /// <summary><c>mask_radius</c>: peaks closer than this (pixels, strictly) to a stronger one are dropped.</summary>
    public double MaskRadius { get; init; } = PeakFinder.DefaultMaskRadius;

    /// <summary><c>false_positives</c>: expected false peaks in the map (z-score and GEV metrics).</summary>
    public double FalsePositives { get; init; } = 1.0;

    /// <summary><c>z_score_cutoff</c>: a fixed z-score threshold instead of the one from
    /// <see cref="FalsePositives"/> (z-score metric only).</summary>
    public double? ZScoreCutoff { get; init; }

    /// <summary>Correlations per pixel of the search (orientations x defocus planes x pixel-size planes): needed by
    /// the z-score metric unless <see cref="ZScoreCutoff"/> is set, and by the Gaussian curve of the survival plot.</summary>
    public long? CorrelationsPerPixel { get; init; }

    /// <summary><c>p_value_cutoff</c>: threshold on s = −ln p (p-value metric).</summary>
    public double PValueCutoff { get; init; } = PValueScores.DefaultCutoff;

    /// <summary><c>quadrant</c> of the p-value metric.</summary>
    public PValueQuadrant Quadrant { get; init; } = PValueQuadrant.First;

    /// <summary><c>min_z</c>, <c>max_z</c>, <c>num_samples</c> and our seed (GEV metric).</summary>
    public GevOptions Gev { get; init; } = new();
}
