using LeopardEm.Cli;
using LeopardEm.Io;
using LeopardEm.Plots;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using SkiaSharp;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard plot</c> on the maps the planted search saved, with and without its refine_template table.</summary>
[Collection(PlantedSearch.Collection)]
public sealed class PlotCommandTests : IDisposable
{
    private readonly PlantedSearch _planted;
    private readonly TempDirectory _directory = new();
    private readonly string _config;

    public PlotCommandTests(PlantedSearch planted)
    {
        _planted = planted;
        _config = PickCommandTests.WritePlantedConfig(planted, _directory.File("config.yaml"));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_refined_table_adds_the_refinement_figure_and_its_particles_fill_the_page()
    {
        var folder = _directory.File("refined");
        var refined = Path.Combine(_planted.Directory, "refined.csv");

        var (code, output, error) = CliRun.Run("plot", _config, "--out", folder, "--csv", refined);

        Assert.True(code == ExitCodes.Success, error);
        string[] names = [PickingReport.ZScoreMapFile, PickingReport.SurvivalFile, PickingReport.DensityFile, PickingReport.RefinementFile, PickingReport.IndexFile];
        Assert.Equal(names.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        AssertReadableFigures(folder, names);
        var rows = ParticleTableCsv.Read(refined).Rows.Count;
        var html = File.ReadAllText(Path.Combine(folder, PickingReport.IndexFile));
        Assert.Equal(rows + 1, html.Split("<tr>").Length - 1);
        Assert.Contains($"src=\"{PickingReport.RefinementFile}\"", html, StringComparison.Ordinal);
        Assert.Contains($"Drew {rows} particle(s)", output);
    }

    [Fact]
    public void Without_a_table_it_picks_and_draws_three_figures()
    {
        var folder = _directory.File("picked");

        var (code, _, error) = CliRun.Run("plot", _config, "--out", folder, "--metric", "pvalue");

        Assert.True(code == ExitCodes.Success, error);
        string[] names = [PickingReport.ZScoreMapFile, PickingReport.SurvivalFile, PickingReport.DensityFile, PickingReport.IndexFile];
        Assert.Equal(names.Order(), Directory.GetFiles(folder).Select(Path.GetFileName).Order());
        AssertReadableFigures(folder, names);
        Assert.Contains("p-value metric", File.ReadAllText(Path.Combine(folder, PickingReport.IndexFile)));
    }

    [Fact]
    public void A_table_outside_the_maps_is_refused_and_nothing_is_written()
    {
        var table = ParticleTableCsv.Read(Path.Combine(_planted.Directory, "particles.csv"));
        var moved = new ParticleTable(table.Columns);
        moved.Add(table.Columns.ToDictionary(c => c, c => c == "pos_x" ? 5000 : table[0, c]));
        var csv = _directory.File("moved.csv");
        ParticleTableCsv.Write(csv, moved, overwrite: false);
        var folder = _directory.File("moved");

        var (code, _, error) = CliRun.Run("plot", _config, "--out", folder, "--csv", csv);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("outside", error);
        Assert.Empty(Directory.Exists(folder) ? Directory.GetFiles(folder) : []);
    }

    [Fact]
    public void The_output_folder_is_required()
    {
        var (code, _, error) = CliRun.Run("plot", _config);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--out", error);
    }

    /// <summary>Every PNG decodes to a figure of a readable size that is not blank.</summary>
    internal static void AssertReadableFigures(string folder, IEnumerable<string> names)
    {
        foreach (var name in names.Where(n => n.EndsWith(".png", StringComparison.Ordinal)))
        {
            using var bitmap = SKBitmap.Decode(Path.Combine(folder, name));
            Assert.NotNull(bitmap);
            Assert.True(bitmap.Width >= 700 && bitmap.Height >= 500, $"{name}: {bitmap.Width} x {bitmap.Height}");
            Assert.True(bitmap.Pixels.Select(p => (uint)p).Distinct().Count() > 50, $"{name} looks blank");
        }
    }
}
