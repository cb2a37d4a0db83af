using LeopardEm.Peaks;
using LeopardEm.Plots;
using LeopardEm.Tests.TestData;
using MathNet.Numerics.Distributions;

namespace LeopardEm.Tests.Plots;

public class SurvivalPlotTests
{
    [Fact]
    public void The_observed_curve_and_the_cutoffs_are_drawn()
    {
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 3);
        var gev = GevThreshold.Compute(maps.ZScores);
        using var figure = new RenderedFigure(SurvivalPlot.Create(maps.ZScores.Data, maps.CorrelationsPerPixel, gev.Fit, [("GEV cutoff", gev.Cutoff)], 1.0), 800, 560);

        Assert.Equal((800, 560), (figure.Bitmap.Width, figure.Bitmap.Height));
        Assert.True(figure.DistinctColors() > 20);

        // Half the pixels lie above the median: the observed curve passes through (median, log10(n/2)).
        var median = maps.ZScores.Data.Order().ElementAt(maps.ZScores.Data.Length / 2);
        Assert.True(figure.CountNear(figure.PixelOf(median, Math.Log10(128 * 128 / 2.0)), 4, SurvivalPlot.ObservedColor) > 0);

        // The cutoff line (first cutoff colour) runs through the cutoff at every height.
        var red = ScottPlot.Color.FromHex("#D62728");
        Assert.True(figure.CountNear(figure.PixelOf(gev.Cutoff, 2), 3, red) > 0);
    }

    [Theory]
    [InlineData(3.0, 10)]
    [InlineData(1.0, 1)]
    [InlineData(6.0, 1000)]
    public void The_gaussian_model_is_the_tail_of_the_best_of_t(double x, long t)
    {
        var exact = 1 - Math.Pow(Normal.CDF(0, 1, x), t);
        Assert.Equal(1, SurvivalPlot.BestOfTail(x, t) / exact, 1e-6);
    }

    [Fact]
    public void Far_in_the_tail_the_model_is_t_times_the_single_tail()
    {
        var q = Normal.CDF(0, 1, -9);
        Assert.Equal(1, SurvivalPlot.BestOfTail(9, 1_000_000) / (1_000_000 * q), 1e-9);
    }
}
