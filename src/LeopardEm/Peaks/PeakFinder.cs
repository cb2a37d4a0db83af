using LeopardEm.Imaging;

namespace LeopardEm.Peaks;

/// <summary>
/// Picks peaks from a score map as Leopard-EM's <c>locate_peaks</c> (spec §12.1): every pixel strictly above the
/// cutoff is a candidate; candidates are visited in descending score and each kept one suppresses all candidates
/// closer than the mask radius (strictly). Equal scores are visited in row-major order, so the result is
/// deterministic. The map is usually the z-score map; any map where larger means more significant works the same way
/// (the p-value metric picks its −ln p map with it, spec §12.3), and then <see cref="Peak.ZScore"/> holds that map's
/// value.
/// </summary>
public static class PeakFinder
{
    /// <summary>Leopard-EM's default suppression radius, pixels.</summary>
    public const double DefaultMaskRadius = 5.0;

    /// <summary>Finds the peaks of <paramref name="zScores"/> above <paramref name="cutoff"/>.</summary>
    /// <param name="zScores">The score map (z-scores, or another score where larger is more significant).</param>
    /// <param name="cutoff">Threshold; only values strictly greater count.</param>
    /// <param name="maskRadius">Suppression radius in pixels (0 = none).</param>
    /// <returns>Peaks in descending z-score order.</returns>
    public static IReadOnlyList<Peak> Find(Image2D zScores, double cutoff, double maskRadius = DefaultMaskRadius)
    {
        ArgumentNullException.ThrowIfNull(zScores);
        var threshold = (float)cutoff;
        var candidates = new List<Peak>();
        for (var y = 0; y < zScores.Height; y++)
        {
            for (var x = 0; x < zScores.Width; x++)
            {
                var z = zScores[y, x];
                if (z > threshold)
                {
                    candidates.Add(new Peak(y, x, z));
                }
            }
        }

        // Stable sort: equal scores keep row-major order. A candidate is suppressed exactly when an earlier kept peak
        // lies within the radius, so marking the kept peaks' discs on a pixel mask is equivalent to upstream's
        // pairwise scan and costs O(peaks x radius²) instead of O(candidates²).
        var ordered = candidates.OrderByDescending(p => p.ZScore).ToList();
        var suppressed = new bool[zScores.Height * zScores.Width];
        var picked = new List<Peak>();
        var reach = (int)Math.Ceiling(maskRadius);
        var radiusSquared = maskRadius * maskRadius;
        foreach (var peak in ordered)
        {
            if (suppressed[peak.Y * zScores.Width + peak.X])
            {
                continue;
            }

            picked.Add(peak);
            for (var y = Math.Max(0, peak.Y - reach); y <= Math.Min(zScores.Height - 1, peak.Y + reach); y++)
            {
                for (var x = Math.Max(0, peak.X - reach); x <= Math.Min(zScores.Width - 1, peak.X + reach); x++)
                {
                    double dy = y - peak.Y, dx = x - peak.X;
                    if (dy * dy + dx * dx < radiusSquared)
                    {
                        suppressed[y * zScores.Width + x] = true;
                    }
                }
            }
        }

        return picked;
    }
}
