using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Cuda.Devices;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Plots;
using LeopardEm.Tests.Programs;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard match-template</c> on a tiny case with absolute paths (the CLI resolves relative ones against the
/// process's current directory, which tests running in parallel must not change).</summary>
public sealed class MatchTemplateCommandTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();
    private readonly string _config;

    public MatchTemplateCommandTests() => _config = _workspace.WriteAbsoluteConfig();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void The_cpu_backend_runs_the_search_and_writes_the_maps_and_table()
    {
        var csv = _workspace.File("tables/particles.csv");
        var (code, output, error) = CliRun.Run("match-template", _config, "--backend", "cpu", "--threads", "2", "--output-csv", csv);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("cross-correlations on cpu", output);
        Assert.True(File.Exists(csv));
        Assert.Equal(8, Directory.GetFiles(_workspace.File("out")).Length);
    }

    [Fact]
    public void A_chosen_metric_picks_with_it_and_writes_its_columns_figures_and_page()
    {
        var csv = _workspace.File("tables/particles.csv");
        var plots = _workspace.File("plots");

        var (code, output, error) = CliRun.Run(
            "match-template", _config, "--backend", "cpu", "--threads", "2", "--output-csv", csv, "--metric", "pvalue",
            "--p-value-cutoff", "6", "--plots", plots);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("-ln p > 6.000 (p-value metric)", output);
        Assert.Equal([.. ParticleColumns.MatchTemplate, "neg_log_p", PickedParticleColumns.CutoffColumn], ParticleTableCsv.Read(csv).Columns);
        string[] names = [PickingReport.ZScoreMapFile, PickingReport.SurvivalFile, PickingReport.DensityFile, PickingReport.IndexFile];
        Assert.Equal(names.Order(), Directory.GetFiles(plots).Select(Path.GetFileName).Order());
        PlotCommandTests.AssertReadableFigures(plots, names);
        Assert.Contains("p-value metric, cutoff 6", File.ReadAllText(Path.Combine(plots, PickingReport.IndexFile)));
    }

    [Theory]
    [InlineData("--metric", "best")]
    [InlineData("--p-value-cutoff", "6")]
    [InlineData("--mask-radius", "-1")]
    [InlineData("--coords", "centres.star")]
    public void Bad_picking_options_are_usage_errors_before_any_search(params string[] options)
    {
        var (code, _, error) = CliRun.Run(["match-template", _config, "--backend", "cpu", .. options]);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(options[0], error);
        Assert.False(Directory.Exists(_workspace.File("out")));
    }

    [Fact]
    public void Cuda_without_a_usable_device_is_refused_with_the_reason_before_anything_is_written()
    {
        var (code, output, error) = CliRun.Run("match-template", _config, "--backend", "cuda");
        if (CudaInventory.Probe().Unavailable is { } reason)
        {
            Assert.Equal(ExitCodes.RuntimeFailure, code);
            Assert.Contains($"--backend cuda was requested, but {reason}", error);
            Assert.False(Directory.Exists(_workspace.File("out")));
        }
        else
        {
            Assert.True(code == ExitCodes.Success, error);
            Assert.Contains("cross-correlations on cuda", output);
        }
    }

    [Fact]
    public void An_unknown_backend_is_a_usage_error()
    {
        var (code, _, error) = CliRun.Run("match-template", _config, "--backend", "gpu");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("gpu", error);
    }
}
