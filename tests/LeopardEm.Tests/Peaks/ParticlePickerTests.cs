using LeopardEm.Imaging;
using LeopardEm.Peaks;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Peaks;

public class ParticlePickerTests
{
    private static readonly (int Y, int X)[] Planted = [(20, 30), (64, 64), (100, 15)];

    [Fact]
    public void The_zscore_metric_is_the_gaussian_threshold_and_peak_finder()
    {
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 1).Plant(Planted, 9f);
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { CorrelationsPerPixel = maps.CorrelationsPerPixel });

        var cutoff = ZScoreThreshold.FromFalsePositives(1.0, 128 * 128, maps.CorrelationsPerPixel);
        Assert.Equal(cutoff, result.Cutoff);
        Assert.Same(maps.ZScores, result.ScoreMap);
        var expected = PeakFinder.Find(maps.ZScores, cutoff, 5.0);
        Assert.Equal(expected.Select(p => (p.Y, p.X, (double)p.ZScore)), result.Picks.Select(p => (p.Y, p.X, p.MetricValue)));
        Assert.All(result.Picks, p => Assert.Equal(maps.Mip[p.Y, p.X], p.Mip));
        Assert.All(result.Picks, p => Assert.Equal(maps.ZScores[p.Y, p.X], p.ZScore));
        Assert.Null(result.PValue);
        Assert.Null(result.Gev);
    }

    [Theory]
    [InlineData(PickingMetric.ZScore)]
    [InlineData(PickingMetric.PValue)]
    [InlineData(PickingMetric.Gev)]
    public void Every_metric_finds_planted_particles_first(PickingMetric metric)
    {
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 12).Plant(Planted, 9.5f);
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { Metric = metric, CorrelationsPerPixel = maps.CorrelationsPerPixel });

        Assert.Equal(metric, result.Metric);
        Assert.Equal(Planted.Order(), result.Picks.Take(Planted.Length).Select(p => (p.Y, p.X)).Order());
        Assert.All(result.Picks, p => Assert.True(p.MetricValue > result.Cutoff));
        Assert.All(result.Picks, p => Assert.Equal(result.ScoreMap[p.Y, p.X], p.MetricValue));
        Assert.Equal(metric == PickingMetric.PValue, result.PValue is not null);
        Assert.Equal(metric == PickingMetric.Gev, result.Gev is not null);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void The_pvalue_metric_reports_minus_log_p_and_its_cutoff()
    {
        var maps = SyntheticScoreMaps.Noise(64, 64, seed: 2).Plant([(30, 30)], 10f);
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { Metric = PickingMetric.PValue, PValueCutoff = 6.5, MaskRadius = 3 });
        Assert.Equal(6.5, result.Cutoff);
        Assert.Same(result.PValue!.NegativeLogP, result.ScoreMap);
        Assert.Equal(result.PValue.FindPeaks(6.5, 3).Select(p => (p.Y, p.X)), result.Picks.Select(p => (p.Y, p.X)));
    }

    [Fact]
    public void No_peaks_gives_leopards_warning()
    {
        var maps = SyntheticScoreMaps.Noise(32, 32, seed: 3);
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { ZScoreCutoff = 100 });
        Assert.Empty(result.Picks);
        Assert.Equal(["No peaks found using z-score metric."], result.Warnings);
    }

    /// <summary>A GEV fitted to a narrow window far below the bulk of the map puts the cutoff inside the bulk: the
    /// many peaks it then finds trigger Leopard-EM's warning.</summary>
    [Fact]
    public void More_than_1000_gev_peaks_give_a_warning()
    {
        var maps = SyntheticScoreMaps.Noise(256, 256, seed: 4);
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions
        {
            Metric = PickingMetric.Gev,
            FalsePositives = 1000,
            MaskRadius = 0,
            Gev = new GevOptions { MaxZ = 2.5 },
        });
        Assert.True(result.Picks.Count > ParticlePicker.GevPeakWarningCount);
        Assert.Single(result.Warnings);
        Assert.Contains("GEV", result.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_inputs_are_rejected()
    {
        var maps = SyntheticScoreMaps.Noise(16, 16, seed: 5);
        Assert.Throws<ArgumentException>(() => ParticlePicker.Pick(maps.Mip, new Image2D(16, 15), new PickingOptions { ZScoreCutoff = 3 }));
        Assert.Throws<ArgumentException>(() => ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { Metric = PickingMetric.PValue, Quadrant = (PValueQuadrant)2 }));
    }
}
