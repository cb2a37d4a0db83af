using LeopardEm.Orientations;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

public class SearchResultMapsTests
{
    private static readonly SearchSpace Space = new(
        [new EulerAngles(10, 20, 30), new EulerAngles(40, 50, 60)], [-200f, 0f, 200f], [-0.05f, 0.05f]);

    /// <summary>Pixel 0 sees 1, 2, 6 (mean 3, population std √(14/3)); pixel 1 is constant (std 0, z-score 0).</summary>
    [Fact]
    public void Mean_standard_deviation_and_z_score_follow_spec_10_6()
    {
        var statistics = new SearchStatistics(1, 2);
        statistics.Add([1f, 4f], 2, 0);
        statistics.Add([6f, 4f], 2, 1);
        statistics.Add([2f, 4f], 2, 2);
        var maps = SearchResultMaps.FromStatistics(statistics, Space, 1.5);

        var std = Math.Sqrt(14.0 / 3);
        Assert.Equal(3, statistics.Count);
        Assert.Equal(3L, maps.TotalCorrelations);
        Assert.Equal(6f, maps.Mip[0, 0]);
        Assert.Equal(3f, maps.CorrelationMean[0, 0]);
        // The "correlation_variance" output holds the standard deviation, not the variance.
        Assert.Equal((float)std, maps.CorrelationStandardDeviation[0, 0]);
        Assert.Equal((float)(3 / std), maps.ScaledMip[0, 0]);
        Assert.Equal(0f, maps.CorrelationStandardDeviation[0, 1]);
        Assert.Equal(0f, maps.ScaledMip[0, 1]);
    }

    [Fact]
    public void Angles_defocus_and_pixel_size_are_decoded_from_the_best_index()
    {
        var statistics = new SearchStatistics(1, 3);
        for (var g = 0; g < Space.Total; g++)
        {
            // Pixel x peaks at global index 3x + 4: (p, d, o) = (0, 2, 0), (1, 0, 1), (1, 2, 0).
            statistics.Add([.. Enumerable.Range(0, 3).Select(x => g == 3 * x + 4 ? 1f : 0f)], 3, g);
        }

        var maps = SearchResultMaps.FromStatistics(statistics, Space, 1.5);
        var expected = new[] { (0, 2, 0), (1, 0, 1), (1, 2, 0) };
        for (var x = 0; x < 3; x++)
        {
            var (p, d, o) = expected[x];
            Assert.Equal((p, d, o), Space.Decode(statistics.BestIndex[x]));
            Assert.Equal((float)Space.Orientations[o].Phi, maps.Phi[0, x]);
            Assert.Equal((float)Space.Orientations[o].Theta, maps.Theta[0, x]);
            Assert.Equal((float)Space.Orientations[o].Psi, maps.Psi[0, x]);
            Assert.Equal(Space.RelativeDefocus[d], maps.RelativeDefocus[0, x]);
            Assert.Equal((float)(1.5 + Space.PixelSizeOffsets[p]), maps.PixelSize[0, x]);
        }
    }

    [Fact]
    public void Empty_statistics_have_no_maps()
    {
        Assert.Throws<InvalidOperationException>(() => SearchResultMaps.FromStatistics(new SearchStatistics(2, 2), Space, 1.5));
    }
}
