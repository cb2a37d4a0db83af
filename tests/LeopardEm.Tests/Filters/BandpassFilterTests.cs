using LeopardEm.Filters;

namespace LeopardEm.Tests.Filters;

public class BandpassFilterTests
{
    [Fact]
    public void Hard_band_passes_inside_and_stops_outside()
    {
        var filter = new BandpassFilter(0.1, 0.3, 0);
        Assert.Equal(0f, filter.Evaluate(0.05f));
        Assert.Equal(0f, filter.Evaluate(0.1f)); // low edge excluded
        Assert.Equal(1f, filter.Evaluate(0.1001f));
        Assert.Equal(1f, filter.Evaluate(0.3f)); // high edge included
        Assert.Equal(0f, filter.Evaluate(0.3001f));
        Assert.Equal(0f, filter.Evaluate(0f)); // DC stopped when low = 0 and no falloff... here low = 0.1
    }

    [Fact]
    public void Falloff_is_a_cosine_edge_of_the_given_width()
    {
        var filter = new BandpassFilter(0.1, 0.3, 0.05);
        Assert.Equal(Math.Cos(0.025 / 0.05 * Math.PI / 2), filter.Evaluate(0.075f), 1e-5);
        Assert.Equal(Math.Cos(0.025 / 0.05 * Math.PI / 2), filter.Evaluate(0.325f), 1e-5);
        Assert.Equal(0f, filter.Evaluate(0.36f));
        Assert.Equal(0f, filter.Evaluate(0.04f));
    }

    [Fact]
    public void Dc_is_stopped_without_falloff_and_passed_with_it_when_low_is_zero()
    {
        Assert.Equal(0f, new BandpassFilter(0, 0.5, 0).Evaluate(0f));
        Assert.Equal(1f, new BandpassFilter(0, 0.5, 0.1).Evaluate(0f));
    }

    [Fact]
    public void Rfft_grid_values_follow_frequency_magnitude()
    {
        var grid = new BandpassFilter(0.0, 0.25, 0).EvaluateRfft(8, 8);
        // Row 0: kx = 0, 1/8, 2/8, 3/8, 4/8 → DC stopped, then pass, pass, stop, stop.
        Assert.Equal(new[] { 0f, 1f, 1f, 0f, 0f }, grid[..5]);
    }
}
