using LeopardEm.Imaging;
using LeopardEm.Peaks;

namespace LeopardEm.Tests.Peaks;

public class PeakFinderTests
{
    [Fact]
    public void Only_values_strictly_above_the_cutoff_are_candidates()
    {
        var map = Map(5, 40, (1, 1, 3f), (1, 20, MathF.BitIncrement(3f)), (1, 30, 2.5f));
        var peaks = PeakFinder.Find(map, 3.0);
        Assert.Equal([new Peak(1, 20, MathF.BitIncrement(3f))], peaks);
    }

    [Fact]
    public void Peaks_come_in_descending_score_order()
    {
        var map = Map(30, 30, (2, 2, 5f), (20, 25, 9f), (10, 10, 7f), (25, 3, 6f));
        var peaks = PeakFinder.Find(map, 4.0);
        Assert.Equal([9f, 7f, 6f, 5f], peaks.Select(p => p.ZScore));
        Assert.Equal((20, 25), (peaks[0].Y, peaks[0].X));
    }

    /// <summary>A kept peak suppresses candidates strictly closer than the radius: (3, 4) away is exactly 5 and
    /// survives, (0, 4) and (3, 3) are closer and do not.</summary>
    [Fact]
    public void Suppression_is_strictly_inside_the_radius()
    {
        var map = Map(30, 30, (10, 10, 9f), (13, 14, 8f), (10, 14, 7f), (13, 13, 6f), (10, 5, 5f));
        var peaks = PeakFinder.Find(map, 1.0, maskRadius: 5);
        Assert.Equal([new Peak(10, 10, 9f), new Peak(13, 14, 8f), new Peak(10, 5, 5f)], peaks);
    }

    /// <summary>Only kept peaks suppress: B is suppressed by A, so C, within the radius of B but not of A, is kept.</summary>
    [Fact]
    public void Suppressed_candidates_do_not_suppress_others()
    {
        var map = Map(5, 30, (2, 2, 9f), (2, 6, 8f), (2, 10, 7f));
        var peaks = PeakFinder.Find(map, 1.0, maskRadius: 5);
        Assert.Equal([new Peak(2, 2, 9f), new Peak(2, 10, 7f)], peaks);
    }

    [Fact]
    public void Equal_scores_are_taken_in_row_major_order()
    {
        var map = Map(20, 20, (8, 3, 4f), (3, 15, 4f), (3, 12, 4f), (8, 1, 4f));
        var peaks = PeakFinder.Find(map, 1.0, maskRadius: 3.5);
        // (3, 12) precedes (3, 15) in row-major order, so it is kept and suppresses it; (8, 1) likewise suppresses (8, 3).
        Assert.Equal([new Peak(3, 12, 4f), new Peak(8, 1, 4f)], peaks);
    }

    [Fact]
    public void A_zero_radius_keeps_every_candidate()
    {
        var map = Map(3, 3, (0, 0, 2f), (0, 1, 3f), (1, 1, 2f));
        var peaks = PeakFinder.Find(map, 1.0, maskRadius: 0);
        Assert.Equal([new Peak(0, 1, 3f), new Peak(0, 0, 2f), new Peak(1, 1, 2f)], peaks);
    }

    [Fact]
    public void NaN_scores_are_never_peaks()
    {
        var map = Map(2, 2, (0, 0, float.NaN), (1, 1, 2f));
        Assert.Equal([new Peak(1, 1, 2f)], PeakFinder.Find(map, 1.0));
    }

    [Fact]
    public void Suppression_discs_are_clipped_at_the_map_border()
    {
        var map = Map(4, 4, (0, 0, 5f), (3, 3, 4f), (0, 3, 3f));
        var peaks = PeakFinder.Find(map, 1.0, maskRadius: 3.5);
        Assert.Equal([new Peak(0, 0, 5f), new Peak(3, 3, 4f)], peaks);
    }

    private static Image2D Map(int height, int width, params (int Y, int X, float Z)[] values)
    {
        var map = new Image2D(height, width);
        foreach (var (y, x, z) in values)
        {
            map[y, x] = z;
        }

        return map;
    }
}
