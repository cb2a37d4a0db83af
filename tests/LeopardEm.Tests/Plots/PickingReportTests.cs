using LeopardEm.Peaks;
using LeopardEm.Plots;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using SkiaSharp;

namespace LeopardEm.Tests.Plots;

public class PickingReportTests
{
    [Fact]
    public void Every_figure_and_the_page_are_written()
    {
        using var directory = new TempDirectory();
        var maps = SyntheticScoreMaps.Noise(96, 96, seed: 5).Plant([(20, 30), (64, 64)], 9f);
        var options = new PickingOptions { Metric = PickingMetric.Gev, CorrelationsPerPixel = maps.CorrelationsPerPixel };
        var result = ParticlePicker.Pick(maps.Mip, maps.ZScores, options);
        var folder = Path.Combine(directory.Path, "plots");

        var written = PickingReport.Write(folder, maps.Mip, maps.ZScores, result, options, templateSize: 32, overwrite: false, ([9.0, 9.1], [9.5, 9.2]));

        string[] names = [PickingReport.ZScoreMapFile, PickingReport.SurvivalFile, PickingReport.DensityFile, PickingReport.RefinementFile, PickingReport.IndexFile];
        Assert.Equal(names.Select(n => Path.Combine(folder, n)), written);
        foreach (var png in written.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
        {
            using var bitmap = SKBitmap.Decode(png);
            Assert.True(bitmap.Width >= 700 && bitmap.Height >= 500);
        }

        var html = File.ReadAllText(Path.Combine(folder, PickingReport.IndexFile));
        Assert.All(names.Take(4), n => Assert.Contains($"src=\"{n}\"", html, StringComparison.Ordinal));
        Assert.Equal(result.Picks.Count + 1, html.Split("<tr>").Length - 1);
        Assert.Contains($"<td>{result.Picks[0].X + 16}</td>", html, StringComparison.Ordinal);
    }
}
