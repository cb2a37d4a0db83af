using MathNet.Numerics;

namespace LeopardEm.Peaks;

/// <summary>
/// The detection threshold of 2DTM: the z-score above which, for Gaussian noise, the expected number of false peaks in
/// the whole search is a given number: <c>cutoff = √2 · erfcinv(2·FP / (pixels · correlations per pixel))</c>, the
/// upper-tail quantile of N(0, 1) at probability FP/(pixels·T) (spec §12.1).
/// </summary>
public static class ZScoreThreshold
{
    /// <summary>Threshold for <paramref name="falsePositives"/> expected false detections.</summary>
    /// <param name="falsePositives">Expected false peaks in the whole micrograph (Leopard-EM default 1.0); &gt; 0.</param>
    /// <param name="pixels">Pixels of the (valid-cropped) map searched.</param>
    /// <param name="correlationsPerPixel">Orientations x defocus planes x pixel-size planes.</param>
    public static double FromFalsePositives(double falsePositives, long pixels, long correlationsPerPixel)
    {
        if (!(falsePositives > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(falsePositives), falsePositives, "The expected number of false positives must be positive.");
        }

        if (pixels < 1 || correlationsPerPixel < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pixels), "The search must have at least one pixel and one correlation per pixel.");
        }

        var samples = (double)pixels * correlationsPerPixel;
        return Math.Sqrt(2) * SpecialFunctions.ErfcInv(2 * falsePositives / samples);
    }
}
