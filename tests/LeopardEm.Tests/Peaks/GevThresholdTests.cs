using LeopardEm.Imaging;
using LeopardEm.Numerics;
using LeopardEm.Peaks;
using LeopardEm.Tests.TestData;
using MathNet.Numerics.Distributions;

namespace LeopardEm.Tests.Peaks;

public class GevThresholdTests
{
    /// <summary>
    /// When the z-scores really are GEV-distributed, the cutoff isf(FP/pixels) of the fit leaves FP expected false
    /// peaks: the true expected count pixels·sf_true(cutoff), averaged over 20 maps of 128² pixels, is within
    /// [0.7, 1.4] of FP = 1. The spread comes from extrapolating a fit of 16,384 values to a 6·10⁻⁵ tail (each map's
    /// count scatters by about ±30 %, the mean of 20 by about ±7 %); a wrong tail (e.g. a sign error in the shape)
    /// moves it by factors of several.
    /// </summary>
    [Fact]
    public void Gev_noise_gets_the_nominal_number_of_false_positives()
    {
        var truth = new GevDistribution(0.08, 3.0, 0.3);
        var expected = new List<double>();
        var picked = 0;
        for (var seed = 0; seed < 20; seed++)
        {
            var noise = SyntheticScoreMaps.GevNoise(128, 128, seed, truth);
            var threshold = GevThreshold.Compute(noise.ZScores, falsePositives: 1.0, new GevOptions { MaxZ = double.PositiveInfinity });
            expected.Add(threshold.Pixels * truth.Survival(threshold.Cutoff));
            picked += PeakFinder.Find(noise.ZScores, threshold.Cutoff, 0).Count;
        }

        Assert.InRange(expected.Average(), 0.7, 1.4);

        // The picks themselves: Poisson with mean about 20 over the 20 maps (bounds at about ±3 s.d.).
        Assert.InRange(picked, 8, 38);
    }

    /// <summary>
    /// The null model of the z-score itself: each pixel the best of 1000 N(0, 1) correlations. That maximum approaches
    /// its GEV limit slowly, so a GEV fitted to the bulk of the map underestimates the 6·10⁻⁵ tail: SciPy's fit on the
    /// same model leaves about 1.8 expected false peaks instead of 1 (ours: 1.8 over 20 maps). The mean over 10 maps
    /// (s.d. about 0.2) must lie in [1, 3]: the metric is near its nominal rate, within the known bias, and a broken
    /// fit or cutoff falls outside.
    /// </summary>
    [Fact]
    public void Gaussian_maximum_noise_gets_about_the_nominal_number_of_false_positives()
    {
        var expected = new List<double>();
        for (var seed = 0; seed < 10; seed++)
        {
            var noise = SyntheticScoreMaps.Noise(128, 128, seed: 300 + seed);
            var threshold = GevThreshold.Compute(noise.ZScores);
            // P(best of T > c) = 1 − Φ(c)^T.
            var tail = -PreciseMath.ExpM1(noise.CorrelationsPerPixel * Math.Log(Normal.CDF(0, 1, threshold.Cutoff)));
            expected.Add(threshold.Pixels * tail);
        }

        Assert.InRange(expected.Average(), 1.0, 3.0);
    }

    [Fact]
    public void Planted_particles_are_found()
    {
        (int Y, int X)[] planted = [(20, 30), (64, 64), (100, 15), (110, 110)];
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 8).Plant(planted, 9f);

        var threshold = GevThreshold.Compute(maps.ZScores);
        var peaks = PeakFinder.Find(maps.ZScores, threshold.Cutoff, 5);

        Assert.Equal(planted.Order(), peaks.Take(planted.Length).Select(p => (p.Y, p.X)).Order());
        Assert.InRange(threshold.Cutoff, 4.0, 7.0);
    }

    [Fact]
    public void Only_the_window_is_fitted_and_subsamples_are_seeded()
    {
        var noise = SyntheticScoreMaps.Noise(100, 100, seed: 2);
        var all = GevThreshold.Compute(noise.ZScores, options: new GevOptions { MaxZ = 3.2 });
        Assert.Equal(noise.ZScores.Data.Count(z => z <= 3.2), all.WindowCount);
        Assert.Equal(all.WindowCount, all.FittedCount);

        var window = new GevOptions { MinZ = 2.8, MaxZ = 8.5, NumSamples = 3000 };
        var first = GevThreshold.Compute(noise.ZScores, options: window);
        var again = GevThreshold.Compute(noise.ZScores, options: window);
        var otherSeed = GevThreshold.Compute(noise.ZScores, options: window with { Seed = 7 });
        Assert.Equal(noise.ZScores.Data.Count(z => z is >= 2.8f and <= 8.5f), first.WindowCount);
        Assert.Equal(3000, first.FittedCount);
        Assert.Equal(first.Fit, again.Fit);
        Assert.Equal(first.Cutoff, again.Cutoff);
        Assert.NotEqual(first.Fit, otherSeed.Fit);
    }

    [Fact]
    public void The_cutoff_counts_pixels_only()
    {
        var noise = SyntheticScoreMaps.Noise(64, 64, seed: 4);
        var one = GevThreshold.Compute(noise.ZScores, falsePositives: 1);
        var ten = GevThreshold.Compute(noise.ZScores, falsePositives: 10);
        Assert.Equal(one.Fit, ten.Fit);
        Assert.Equal(one.Fit.InverseSurvival(1.0 / (64 * 64)), one.Cutoff, 1e-12);
        Assert.Equal(one.Fit.InverseSurvival(10.0 / (64 * 64)), ten.Cutoff, 1e-12);
    }

    [Fact]
    public void NaN_pixels_are_left_out_of_the_fit()
    {
        var noise = SyntheticScoreMaps.Noise(64, 64, seed: 6);
        var holed = new Image2D(64, 64, (float[])noise.ZScores.Data.Clone());
        holed.Data[17] = float.NaN;
        var threshold = GevThreshold.Compute(holed);
        Assert.Equal(64 * 64 - 1, threshold.WindowCount);
        Assert.True(double.IsFinite(threshold.Cutoff));
    }
}
