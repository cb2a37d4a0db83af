using System.Globalization;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Peaks;
using LeopardEm.Programs;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

/// <summary>
/// <c>leopard pick</c> on the maps the planted search saved (four particles planted off the search grid in a 128 x 128
/// micrograph, 32 px template), through a configuration with absolute paths, and on Leopard-EM's own golden maps.
/// </summary>
[Collection(PlantedSearch.Collection)]
public sealed class PickCommandTests : IDisposable
{
    private const string Golden = "golden/leopard-em-1";
    private const int TemplateSize = 32;
    private readonly PlantedSearch _planted;
    private readonly TempDirectory _directory = new();
    private readonly string _config;

    public PickCommandTests(PlantedSearch planted)
    {
        _planted = planted;
        _config = WritePlantedConfig(planted, _directory.File("config.yaml"));
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("zscore", "z_score")]
    [InlineData("pvalue", "neg_log_p")]
    [InlineData("gev", "gev_z_score")]
    public void Each_metric_finds_the_planted_particles_and_adds_its_value_and_cutoff_columns(string metric, string valueColumn)
    {
        var csv = _directory.File($"{metric}.csv");

        var (code, output, error) = CliRun.Run("pick", _config, "--metric", metric, "--mask-radius", "12", "--output-csv", csv);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("wrote " + csv, output.Replace("\n", "", StringComparison.Ordinal));
        var table = ParticleTableCsv.Read(csv);
        Assert.Equal([.. ParticleColumns.MatchTemplate, valueColumn, PickedParticleColumns.CutoffColumn], table.Columns);
        foreach (var truth in _planted.Truth)
        {
            Assert.Contains(Enumerable.Range(0, table.Rows.Count), row =>
                Math.Abs(Whole(table, row, "pos_x") - truth.X) <= 2 && Math.Abs(Whole(table, row, "pos_y") - truth.Y) <= 2);
        }

        var cutoff = Number(table, 0, PickedParticleColumns.CutoffColumn);
        for (var row = 0; row < table.Rows.Count; row++)
        {
            Assert.Equal(cutoff, Number(table, row, PickedParticleColumns.CutoffColumn));
            Assert.True(Number(table, row, valueColumn) > cutoff, $"row {row}: {valueColumn} {Number(table, row, valueColumn)} <= cutoff {cutoff}");
            if (metric != "pvalue")
            {
                Assert.Equal(Number(table, row, "scaled_mip"), Number(table, row, valueColumn));
            }
        }

        if (metric == "zscore")
        {
            var maps = _planted.Coarse.Maps;
            Assert.Equal(ZScoreThreshold.FromFalsePositives(1.0, (long)maps.Height * maps.Width, maps.TotalCorrelations), cutoff, 1e-9);
        }
        else if (metric == "pvalue")
        {
            Assert.Equal(PValueScores.DefaultCutoff, cutoff);
        }
    }

    [Fact]
    public void Picking_the_saved_maps_with_the_searchs_settings_gives_the_searchs_table()
    {
        var csv = _directory.File("again.csv");

        var (code, _, error) = CliRun.Run("pick", _config, "--z-score-cutoff", "6.5", "--mask-radius", "12", "--output-csv", csv);

        Assert.True(code == ExitCodes.Success, error);
        var ours = ParticleTableCsv.Read(csv);
        var search = ParticleTableCsv.Read(Path.Combine(_planted.Directory, "particles.csv"));
        Assert.Equal(search.Rows.Count, ours.Rows.Count);
        foreach (var column in search.Columns.Where(c => !c.EndsWith("_path", StringComparison.Ordinal)))
        {
            for (var row = 0; row < search.Rows.Count; row++)
            {
                Assert.Equal(search[row, column], ours[row, column]);
            }
        }
    }

    [Fact]
    public void Coordinate_files_hold_the_tables_particle_centres()
    {
        var csv = _directory.File("centres.csv");
        var coords = _directory.File("viewer/centres.coords");
        var box = _directory.File("viewer/centres.box");

        var (code, _, error) = CliRun.Run("pick", _config, "--output-csv", csv, "--coords", coords);
        Assert.True(code == ExitCodes.Success, error);
        (code, _, error) = CliRun.Run("pick", _config, "--output-csv", csv, "--coords", box, "--overwrite");
        Assert.True(code == ExitCodes.Success, error);

        var table = ParticleTableCsv.Read(csv);
        Assert.True(table.Rows.Count >= 4);
        var rows = Enumerable.Range(0, table.Rows.Count).ToList();
        Assert.Equal(rows.Select(r => $"{Whole(table, r, "pos_x_img")} {Whole(table, r, "pos_y_img")}"), File.ReadAllLines(coords));
        // Box corners are centre − N/2: for an even template, the map position itself.
        Assert.Equal(rows.Select(r => $"{Whole(table, r, "pos_x")}\t{Whole(table, r, "pos_y")}\t{TemplateSize}\t{TemplateSize}"), File.ReadAllLines(box));
    }

    [Fact]
    public void Full_size_maps_have_the_micrographs_shape_with_every_value_moved_by_half_the_template()
    {
        var folder = _directory.File("full");

        var (code, _, error) = CliRun.Run("pick", _config, "--output-csv", _directory.File("full.csv"), "--full-size-maps", folder);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(8, Directory.GetFiles(folder, "*_full.mrc").Length);
        var valid = MrcReader.ReadImage(Path.Combine(_planted.Directory, "maps", "scaled_mip.mrc"));
        var full = MrcReader.ReadImage(Path.Combine(folder, "scaled_mip_full.mrc"));
        Assert.Equal((_planted.Micrograph.Height, _planted.Micrograph.Width), (full.Height, full.Width));
        const int shift = TemplateSize / 2;
        Assert.Equal(Add(ArgMax(valid), shift), ArgMax(full));
        for (var y = 0; y < full.Height; y++)
        {
            for (var x = 0; x < full.Width; x++)
            {
                var inside = y - shift >= 0 && y - shift < valid.Height && x - shift >= 0 && x - shift < valid.Width;
                Assert.Equal(inside ? valid[y - shift, x - shift] : FullSizeMap.DefaultFill, full[y, x]);
            }
        }
    }

    [Fact]
    public void Nothing_is_written_when_a_map_is_missing_and_the_message_names_its_key()
    {
        var settings = MatchTemplateConfig.Load(_config).Settings;
        var config = _directory.File("missing.yaml");
        MatchTemplateConfig.Save(settings with { MatchTemplateResult = settings.MatchTemplateResult with { MipPath = _directory.File("nowhere/mip.mrc") } }, config);
        var csv = _directory.File("missing.csv");

        var (code, _, error) = CliRun.Run("pick", config, "--output-csv", csv);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("mip_path", error);
        Assert.Contains("does not exist", error);
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void An_output_on_a_saved_map_is_refused()
    {
        var map = Path.Combine(_planted.Directory, "maps", "mip.mrc");
        var before = File.ReadAllBytes(map);

        var (code, _, error) = CliRun.Run("pick", _config, "--output-csv", map, "--overwrite");

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("may never replace an input", error);
        Assert.Equal(before, File.ReadAllBytes(map));
    }

    [Theory]
    [InlineData("--metric", "likelihood")]
    [InlineData("--p-value-cutoff", "-1", "--metric", "pvalue")]
    [InlineData("--p-value-cutoff", "8")]
    [InlineData("--z-score-cutoff", "7", "--metric", "gev")]
    [InlineData("--false-positives", "2", "--metric", "pvalue")]
    [InlineData("--false-positives", "0")]
    [InlineData("--false-positives", "1", "--z-score-cutoff", "7")]
    [InlineData("--mask-radius", "-3")]
    [InlineData("--mask-radius", "NaN")]
    [InlineData("--coords", "centres.txt")]
    public void Bad_picking_options_are_usage_errors(params string[] options)
    {
        var (code, _, error) = CliRun.Run(["pick", _config, "--output-csv", _directory.File("bad.csv"), .. options]);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(options[0], error);
        Assert.False(File.Exists(_directory.File("bad.csv")));
    }

    [Fact]
    public void The_output_table_is_required()
    {
        var (code, _, error) = CliRun.Run("pick", _config);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--output-csv", error);
    }

    /// <summary>Leopard-EM's own maps of the golden case, picked with the p-value metric by the command and by the library
    /// directly: the same particles, in the same order, with the same −ln p.</summary>
    [SharedDataFact(Golden + "/leopard-em-output/output_scaled_mip.mrc")]
    public void Picking_leopard_ems_golden_maps_gives_the_librarys_p_value_picks()
    {
        var output = SharedData.Find(Golden + "/leopard-em-output")!;
        var golden = MatchTemplateConfig.Load(SharedData.Find(Golden + "/match_template_config.yaml")!).Settings;
        var result = golden.MatchTemplateResult;
        string Map(string path) => Path.Combine(output, Path.GetFileName(path));
        var settings = golden with
        {
            MicrographPath = SharedData.Find(Golden + "/inputs/micrograph.mrc")!,
            TemplateVolumePath = SharedData.Find(Golden + "/inputs/template.mrc")!,
            MatchTemplateResult = result with
            {
                MipPath = Map(result.MipPath),
                ScaledMipPath = Map(result.ScaledMipPath),
                CorrelationAveragePath = Map(result.CorrelationAveragePath),
                CorrelationVariancePath = Map(result.CorrelationVariancePath),
                OrientationPsiPath = Map(result.OrientationPsiPath),
                OrientationThetaPath = Map(result.OrientationThetaPath),
                OrientationPhiPath = Map(result.OrientationPhiPath),
                RelativeDefocusPath = Map(result.RelativeDefocusPath),
            },
        };
        var config = _directory.File("golden.yaml");
        MatchTemplateConfig.Save(settings, config);
        var csv = _directory.File("golden.csv");

        var (code, _, error) = CliRun.Run("pick", config, "--metric", "pvalue", "--output-csv", csv);

        Assert.True(code == ExitCodes.Success, error);
        var mip = MrcReader.ReadImage(Map(result.MipPath));
        var z = MrcReader.ReadImage(Map(result.ScaledMipPath));
        var expected = ParticlePicker.Pick(mip, z, new PickingOptions { Metric = PickingMetric.PValue }).Picks;
        var table = ParticleTableCsv.Read(csv);
        Assert.Equal(9, expected.Count);
        Assert.Equal(expected.Count, table.Rows.Count);
        for (var row = 0; row < expected.Count; row++)
        {
            Assert.Equal((expected[row].X, expected[row].Y), (Whole(table, row, "pos_x"), Whole(table, row, "pos_y")));
            Assert.Equal((expected[row].X + 64, expected[row].Y + 64), (Whole(table, row, "pos_x_img"), Whole(table, row, "pos_y_img")));
            Assert.Equal((float)expected[row].MetricValue, (float)Number(table, row, "neg_log_p"));
            Assert.Equal(44_496, Whole(table, row, "total_correlations"));
        }
    }

    /// <summary>The planted search's settings as YAML with absolute paths.</summary>
    internal static string WritePlantedConfig(PlantedSearch planted, string path)
    {
        var search = planted.Coarse.Particles[0].Settings;
        MatchTemplateConfig.Save(search with
        {
            MicrographPath = Path.Combine(planted.Directory, search.MicrographPath),
            TemplateVolumePath = Path.Combine(planted.Directory, search.TemplateVolumePath),
            MatchTemplateResult = SampleSettings.Result(Path.Combine(planted.Directory, "maps")),
        }, path);
        return path;
    }

    internal static double Number(ParticleTable table, int row, string column) =>
        Convert.ToDouble(table[row, column], CultureInfo.InvariantCulture);

    private static int Whole(ParticleTable table, int row, string column) => checked((int)Number(table, row, column));

    private static (int Y, int X) ArgMax(Image2D map)
    {
        var best = Array.IndexOf(map.Data, map.Data.Max());
        return (best / map.Width, best % map.Width);
    }

    private static (int Y, int X) Add((int Y, int X) position, int shift) => (position.Y + shift, position.X + shift);
}
