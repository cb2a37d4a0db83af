using LeopardEm.Imaging;
using LeopardEm.Numerics;
using LeopardEm.Peaks;
using MathNet.Numerics.Distributions;

namespace LeopardEm.Tests.TestData;

/// <summary>
/// MIP and z-score maps of pure noise, with or without planted particles, built without running a search. Each
/// pixel's z-score is distributed as the best of <c>T</c> independent N(0, 1) correlations, the null model of the
/// z-score threshold: <c>z = Φ⁻¹(U^(1/T))</c>, computed through the upper tail so that it stays exact near 1. Its MIP
/// is a different monotone function of a second Gaussian correlated with the first (correlation ρ), so the pair has a
/// Gaussian copula: the null model of the p-value metric, whose probits are then bivariate normal. Pixels are
/// independent (real maps are smooth, which changes counts of peaks but not per-pixel rates).
/// </summary>
internal sealed class SyntheticScoreMaps
{
    private SyntheticScoreMaps(Image2D mip, Image2D zScores, long correlationsPerPixel)
    {
        Mip = mip;
        ZScores = zScores;
        CorrelationsPerPixel = correlationsPerPixel;
    }

    public Image2D Mip { get; }

    public Image2D ZScores { get; }

    public long CorrelationsPerPixel { get; }

    /// <summary>Noise maps of <paramref name="height"/> x <paramref name="width"/> pixels.</summary>
    public static SyntheticScoreMaps Noise(int height, int width, int seed, double rho = 0.6, long correlationsPerPixel = 1000)
    {
        var random = new Random(seed);
        var z = new Image2D(height, width);
        var mip = new Image2D(height, width);
        for (var i = 0; i < z.Data.Length; i++)
        {
            var g1 = Normal.Sample(random, 0, 1);
            var g2 = rho * g1 + Math.Sqrt(1 - rho * rho) * Normal.Sample(random, 0, 1);
            z.Data[i] = (float)BestOf(correlationsPerPixel, Normal.CDF(0, 1, -g1));
            mip.Data[i] = (float)(0.4 + 0.1 * BestOf(correlationsPerPixel, Normal.CDF(0, 1, -g2)));
        }

        return new SyntheticScoreMaps(mip, z, correlationsPerPixel);
    }

    /// <summary>z-scores drawn independently from a GEV (the GEV metric's own model); the MIP map is a copy.</summary>
    public static SyntheticScoreMaps GevNoise(int height, int width, int seed, GevDistribution distribution)
    {
        var random = new Random(seed);
        var z = new Image2D(height, width);
        for (var i = 0; i < z.Data.Length; i++)
        {
            z.Data[i] = (float)distribution.Sample(random);
        }

        return new SyntheticScoreMaps(new Image2D(height, width, (float[])z.Data.Clone()), z, 1);
    }

    /// <summary>Raises the z-score to <paramref name="zScore"/> and the MIP by the same factor over noise at each
    /// position, with half that excess on the 4 neighbours (a particle's peak is a few pixels wide).</summary>
    public SyntheticScoreMaps Plant(IEnumerable<(int Y, int X)> positions, float zScore)
    {
        foreach (var (y, x) in positions)
        {
            Raise(y, x, zScore);
            foreach (var (dy, dx) in new[] { (-1, 0), (1, 0), (0, -1), (0, 1) })
            {
                Raise(y + dy, x + dx, 0.5f * zScore);
            }
        }

        return this;
    }

    private void Raise(int y, int x, float zScore)
    {
        if (ZScores[y, x] < zScore)
        {
            Mip[y, x] += 0.1f * (zScore - ZScores[y, x]);
            ZScores[y, x] = zScore;
        }
    }

    // The value z of the best of t independent N(0, 1) draws whose tail probability P(max > z) is u:
    // 1 − u = Φ(z)^t, so the single-draw tail Q(z) = 1 − (1 − u)^(1/t), written without cancellation.
    private static double BestOf(long t, double tailProbability)
    {
        var singleTail = -PreciseMath.ExpM1(PreciseMath.LogOnePlus(-tailProbability) / t);
        return -Normal.InvCDF(0, 1, singleTail);
    }
}
