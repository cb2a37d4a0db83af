using LeopardEm.Plots;

namespace LeopardEm.Tests.Plots;

public class RefinementPlotTests
{
    [Fact]
    public void Each_particle_has_its_after_marker()
    {
        double[] before = [10.1, 9.9, 9.5, 8.9, 6.9];
        double[] after = [10.6, 10.0, 10.2, 8.5, 7.9];
        using var figure = new RenderedFigure(RefinementPlot.Create(before, after), 800, 500);

        Assert.Equal((800, 500), (figure.Bitmap.Width, figure.Bitmap.Height));
        for (var i = 0; i < after.Length; i++)
        {
            Assert.True(figure.CountNear(figure.PixelOf(i, after[i]), 3, RefinementPlot.AfterColor) >= 5, $"no marker for particle {i}");
        }
    }

    [Fact]
    public void Mismatched_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => RefinementPlot.Render([1, 2], [1]));
        Assert.Throws<ArgumentException>(() => RefinementPlot.Render([], []));
    }
}
