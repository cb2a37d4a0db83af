using LeopardEm.Peaks;
using LeopardEm.Plots;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using SkiaSharp;

namespace LeopardEm.Tests.Plots;

public class ZScoreMapPlotTests
{
    private static readonly (int Y, int X)[] Planted = [(20, 30), (64, 64), (100, 15)];

    [Fact]
    public void Picks_are_circled_at_their_particle_centres()
    {
        var maps = SyntheticScoreMaps.Noise(128, 128, seed: 1).Plant(Planted, 9f);
        var picks = ParticlePicker.Pick(maps.Mip, maps.ZScores, new PickingOptions { ZScoreCutoff = 7 }).Picks;
        Assert.Equal(Planted.Length, picks.Count);

        using var figure = new RenderedFigure(ZScoreMapPlot.Create(maps.ZScores, picks, templateSize: 32, title: null), 700, 640);

        Assert.Equal((700, 640), (figure.Bitmap.Width, figure.Bitmap.Height));
        Assert.True(figure.DistinctColors() > 50, "the map must be drawn");
        foreach (var pick in picks)
        {
            // A circle around (X + 16, Y + 16): the pick colour within 10 map pixels, none at the centre itself.
            var centre = figure.PixelOf(pick.X + 16, pick.Y + 16);
            var reach = figure.PixelOf(pick.X + 16 + 10, pick.Y + 16).X - centre.X;
            Assert.True(figure.CountNear(centre, reach, ZScoreMapPlot.PickColor) >= 20, $"no circle at pick ({pick.X}, {pick.Y})");
            Assert.Equal(0, figure.CountNear(centre, 2, ZScoreMapPlot.PickColor));
        }

        // Away from every pick there is no pick colour.
        Assert.Equal(0, figure.CountNear(figure.PixelOf(16 + 110, 16 + 60), 6, ZScoreMapPlot.PickColor));
    }

    [Fact]
    public void The_map_is_drawn_with_row_zero_at_the_top()
    {
        var map = new LeopardEm.Imaging.Image2D(64, 64);
        map[5, 40] = 10;   // the only bright pixel, near the top right
        using var figure = new RenderedFigure(ZScoreMapPlot.Create(map, [], templateSize: 0, title: null), 600, 560);

        // Centroid of the bright image pixels inside the map's area (inset to stay off the frame).
        var (left, top) = figure.PixelOf(0, 0);
        var (right, bottom) = figure.PixelOf(63, 63);
        var bright = new List<(int X, int Y)>();
        for (var y = top + 3; y < bottom - 3; y++)
        {
            for (var x = left + 3; x < right - 3; x++)
            {
                if (figure.Bitmap.GetPixel(x, y).Red > 200)
                {
                    bright.Add((x, y));
                }
            }
        }

        Assert.NotEmpty(bright);
        var expected = figure.PixelOf(40, 5);
        Assert.InRange(bright.Average(p => p.X), expected.X - 6, expected.X + 6);
        Assert.InRange(bright.Average(p => p.Y), expected.Y - 6, expected.Y + 6);
        Assert.True(expected.Y < figure.PixelOf(40, 58).Y, "row 0 must be at the top");
    }

    [Fact]
    public void Write_creates_a_png_file()
    {
        using var directory = new TempDirectory();
        var maps = SyntheticScoreMaps.Noise(64, 64, seed: 2);
        var path = directory.File("map.png");
        ZScoreMapPlot.Write(path, maps.ZScores, [], 16, overwrite: false);
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal((760, 700), (bitmap.Width, bitmap.Height));
        Assert.Throws<IOException>(() => ZScoreMapPlot.Write(path, maps.ZScores, [], 16, overwrite: false));
    }
}
