namespace LeopardEm.Peaks;

/// <summary>How particles are called in the result maps of a search (spec §12.1, §12.3). Every metric thresholds a
/// score map and thins the pixels above the threshold with <see cref="PeakFinder"/>.</summary>
public enum PickingMetric
{
    /// <summary>z-score above the Gaussian threshold for the expected false positives over pixels x correlations
    /// (Leopard-EM's default, <c>locate_peaks</c>).</summary>
    ZScore,

    /// <summary>−ln p of the joint (z-score, MIP) distribution above <c>p_value_cutoff</c> (Zhang et al. 2025).</summary>
    PValue,

    /// <summary>z-score above the threshold of a GEV fitted to the map's own z-scores.</summary>
    Gev,
}
