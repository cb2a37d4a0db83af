using LeopardEm.Demo;
using LeopardEm.Io;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Programs;

/// <summary>
/// match_template with <c>pixel_size_search_config</c> enabled (our extension of Leopard-EM): three pixel-size planes
/// multiply the search, the best plane is decoded per pixel into a ninth map and the table's refined_pixel_size.
/// </summary>
public sealed class PixelSizeSearchTests
{
    [Fact]
    public void Pixel_size_planes_are_searched_decoded_and_written()
    {
        using var directory = new TempDirectory();
        var options = DemoScenarioOptions.Small with { AngularStep = 30, ParticleCount = 2 };
        var scenario = DemoScenario.Create(options, "pixel");
        scenario.WriteInputs(directory.Path, overwrite: false);
        var nominal = scenario.Settings.OpticsGroup.PixelSize;
        // Binary-exact offsets: with steps like 0.05 the upstream arange rule adds a fourth plane (spec §1.4).
        var settings = scenario.Settings with
        {
            PixelSizeSearchConfig = new PixelSizeSearchConfig { Enabled = true, PixelSizeMin = -0.0625, PixelSizeMax = 0.0625, PixelSizeStep = 0.0625 },
        };

        using var job = MatchTemplateJob.Prepare(settings, directory.Path, new MatchTemplateOptions { OutputCsvPath = "pixel/particles.csv" });
        var space = job.Inputs.Space;
        Assert.Equal(3, space.PixelSizeCount);
        Assert.Equal((long)space.OrientationCount * space.DefocusCount * 3, job.TotalCorrelations);
        var outcome = job.Run(null, CancellationToken.None);

        Assert.Equal(job.TotalCorrelations, outcome.Maps.TotalCorrelations);
        var planes = space.PixelSizeOffsets.Select(o => (float)(nominal + o)).ToHashSet();
        Assert.All(outcome.Maps.PixelSize.Data, value => Assert.Contains(value, planes));

        // The ninth map sits next to the relative-defocus map and holds the same values as in memory.
        var pixelSizeMap = Assert.Single(outcome.WrittenFiles, f => Path.GetFileName(f).Contains("pixel_size", StringComparison.Ordinal));
        Assert.Equal(Path.GetDirectoryName(job.Outputs.Writers[7].Target.Path), Path.GetDirectoryName(pixelSizeMap));
        var written = MrcReader.ReadImage(pixelSizeMap);
        Assert.Equal(outcome.Maps.PixelSize.Data, written.Data);

        // Every picked particle's refined_pixel_size is the map value at its peak.
        Assert.NotEmpty(outcome.Peaks);
        for (var i = 0; i < outcome.Peaks.Count; i++)
        {
            var peak = outcome.Peaks[i];
            Assert.Equal(outcome.Maps.PixelSize[peak.Y, peak.X], outcome.Particles[i].PixelSize);
        }
    }
}
