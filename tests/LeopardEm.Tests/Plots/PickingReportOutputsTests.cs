using LeopardEm.Outputs;
using LeopardEm.Peaks;
using LeopardEm.Plots;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Plots;

/// <summary>The report's files as job outputs: checked and written with a job's other outputs, all or none.</summary>
public sealed class PickingReportOutputsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_set_writes_every_file_of_the_report_and_the_page_lists_the_picks()
    {
        var input = Input(refinement: null);
        using var set = new OutputSet<PickingReportInput>(
            PickingReportOutputs.For<PickingReportInput>("--plots", "report", _directory.Path, refinement: false, i => i), false, ".");
        set.CreateDirectories();

        var written = set.Publish(input);

        Assert.Equal(PickingReport.FileNames(refinement: false).Select(f => _directory.File(Path.Combine("report", f))), written);
        var rendered = PickingReport.Render(input);
        Assert.Equal(rendered.Single(f => f.File == PickingReport.IndexFile).Content, File.ReadAllBytes(_directory.File("report/index.html")));
        Assert.All(written.Where(p => p.EndsWith(".png", StringComparison.Ordinal)), p => Assert.True(new FileInfo(p).Length > 10_000, p));
    }

    [Fact]
    public void A_result_without_the_declared_refinement_figure_writes_nothing()
    {
        using var set = new OutputSet<PickingReportInput>(
            PickingReportOutputs.For<PickingReportInput>("--plots", "report", _directory.Path, refinement: true, i => i), false, ".");
        set.CreateDirectories();

        Assert.Throws<InvalidOperationException>(() => set.Publish(Input(refinement: null)));
        Assert.DoesNotContain(Directory.GetFiles(_directory.File("report")), f => !Path.GetFileName(f).StartsWith(".leopard-lock-", StringComparison.Ordinal));
    }

    private static PickingReportInput Input((IReadOnlyList<double>, IReadOnlyList<double>)? refinement)
    {
        var maps = SyntheticScoreMaps.Noise(64, 64, seed: 3).Plant([(20, 30)], 9f);
        var options = new PickingOptions { Metric = PickingMetric.PValue, CorrelationsPerPixel = maps.CorrelationsPerPixel };
        return new PickingReportInput(maps.Mip, maps.ZScores, ParticlePicker.Pick(maps.Mip, maps.ZScores, options), options, 16, refinement);
    }
}
