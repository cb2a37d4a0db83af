using LeopardEm.Imaging;
using LeopardEm.Peaks;

namespace LeopardEm.Tests.Peaks;

public class FullSizeMapTests
{
    [Theory]
    [InlineData(8)]
    [InlineData(7)]
    public void Valid_positions_move_to_particle_centres(int templateSize)
    {
        var valid = new Image2D(5, 6);
        for (var i = 0; i < valid.Data.Length; i++)
        {
            valid.Data[i] = i + 1;
        }

        var full = FullSizeMap.FromValid(valid, templateSize);

        Assert.Equal((5 + templateSize - 1, 6 + templateSize - 1), (full.Height, full.Width));
        var shift = templateSize / 2;
        for (var y = 0; y < full.Height; y++)
        {
            for (var x = 0; x < full.Width; x++)
            {
                var (vy, vx) = (y - shift, x - shift);
                var inside = vy >= 0 && vy < valid.Height && vx >= 0 && vx < valid.Width;
                Assert.Equal(inside ? valid[vy, vx] : FullSizeMap.DefaultFill, full[y, x]);
            }
        }
    }

    [Fact]
    public void A_pick_centre_lands_on_its_score()
    {
        var valid = new Image2D(10, 12);
        valid[3, 7] = 9f;
        var pick = new MetricPick(3, 7, 9, 9f, 1f);
        var full = FullSizeMap.FromValid(valid, 32, fill: float.NaN);
        var (x, y) = pick.Centre(32);
        Assert.Equal(9f, full[y, x]);
        Assert.True(float.IsNaN(full[0, 0]));
    }
}
