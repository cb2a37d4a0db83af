namespace LeopardEm.Programs;

/// <summary>
/// How optimize_template turns the refined z-scores of the particles into one score for a template (Leopard-EM's
/// <c>results_to_snr</c>, spec other_programs §4.2): drop non-finite z-scores; keep those at least the threshold
/// (<c>min_snr</c>, or 8 when neither <c>min_snr</c> nor <c>best_n</c> is given), or all when none is; then the best
/// <c>best_n</c> when given; the score is their mean.
/// </summary>
public static class TemplateScore
{
    /// <summary>The score and the number of particles it averages; NaN and 0 when no z-score is finite.</summary>
    /// <param name="zScores">Refined z-scores of every particle.</param>
    /// <param name="minSnr">Leopard-EM's <c>min_snr</c>, or null.</param>
    /// <param name="bestN">Leopard-EM's <c>best_n</c> (≥ 1), or null.</param>
    public static (double Score, int Used) Of(IEnumerable<float> zScores, double? minSnr, int? bestN)
    {
        ArgumentNullException.ThrowIfNull(zScores);
        var finite = zScores.Where(float.IsFinite).Select(z => (double)z).ToList();
        var threshold = minSnr ?? (bestN is null ? OptimizeTemplateOptions.DefaultMinSnr : (double?)null);
        var kept = finite;
        if (threshold is { } min)
        {
            var above = finite.Where(z => z >= min).ToList();
            kept = above.Count > 0 ? above : finite;
        }

        if (bestN is { } n && kept.Count > n)
        {
            kept = [.. kept.OrderDescending().Take(n)];
        }

        return kept.Count == 0 ? (double.NaN, 0) : (kept.Average(), kept.Count);
    }
}
