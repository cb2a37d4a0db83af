using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Datasets;
using LeopardEm.Io;
using LeopardEm.Tests.Datasets;

namespace LeopardEm.Tests.Cli;

/// <summary><c>leopard match-template CONFIG --micrographs TABLE</c>: each micrograph's results equal a single run of
/// its own configuration (its own defocus), one damaged micrograph is reported without stopping the others, finished
/// micrographs are skipped on a rerun, and the combined table holds every finished micrograph's particles.</summary>
public sealed class MicrographsRunTests : IDisposable
{
    private readonly DatasetWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void Each_micrograph_equals_its_single_run_and_a_damaged_one_does_not_stop_the_others()
    {
        var a = _workspace.Micrograph("a");
        var b = _workspace.Micrograph("b");
        var bad = _workspace.File("bad.mrc");
        File.WriteAllText(bad, "not an MRC file");
        var table = _workspace.Table("micrographs.csv", (a, 5200, 4950, 25), (bad, 9000, 8800, 0), (b, 15000, 14000, -60));
        var run = _workspace.File("run");

        var (code, output, _) = Run(table, run);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("error: micrograph bad:", output);
        Assert.Contains("1 of 3 micrograph(s) failed", output);
        _workspace.SingleRun(a, 5200, 4950, 25, _workspace.File("single-a"));
        _workspace.SingleRun(b, 15000, 14000, -60, _workspace.File("single-b"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-a"), Path.Combine(run, "a"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-b"), Path.Combine(run, "b"));

        // Each folder's configuration is the micrograph's own: its file and its CTF, nothing of the others'.
        var configB = MatchTemplateConfig.Load(Path.Combine(run, "b", "config.yaml")).Settings;
        Assert.Equal(b, configB.MicrographPath);
        Assert.Equal((15000.0, 14000.0, -60.0), (configB.OpticsGroup.DefocusU, configB.OpticsGroup.DefocusV, configB.OpticsGroup.AstigmatismAngle));

        var combined = ParticleTableCsv.Read(Path.Combine(run, "particles.csv"));
        var tableA = ParticleTableCsv.Read(Path.Combine(run, "a", "particles.csv"));
        var tableB = ParticleTableCsv.Read(Path.Combine(run, "b", "particles.csv"));
        Assert.Equal([CombinedParticleTable.MicrographColumn, .. tableA.Columns], combined.Columns);
        Assert.Equal(tableA.Rows.Count + tableB.Rows.Count, combined.Rows.Count);
        for (var r = 0; r < combined.Rows.Count; r++)
        {
            var (name, source, row) = r < tableA.Rows.Count ? ("a", tableA, r) : ("b", tableB, r - tableA.Rows.Count);
            Assert.Equal(name, combined[r, CombinedParticleTable.MicrographColumn]);
            Assert.Equal(source.Rows[row], combined.Rows[r][1..]);
        }
    }

    [Fact]
    public void A_rerun_skips_finished_micrographs_and_computes_the_rest()
    {
        var a = _workspace.Micrograph("a");
        var c = _workspace.File("c.mrc");
        File.WriteAllText(c, "damaged");
        var table = _workspace.Table("micrographs.csv", (a, 5200, 4950, 25), (c, 7000, 6500, 10));
        var run = _workspace.File("run");
        Assert.Equal(ExitCodes.RuntimeFailure, Run(table, run).Code);
        var finished = Snapshot(Path.Combine(run, "a"));

        _workspace.Micrograph("c");
        var (code, output, error) = Run(table, run);

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("skipped a: finished before", output);
        Assert.Equal(finished, Snapshot(Path.Combine(run, "a")));
        _workspace.SingleRun(c, 7000, 6500, 10, _workspace.File("single-c"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-c"), Path.Combine(run, "c"));
        Assert.Equal(
            ParticleTableCsv.Read(Path.Combine(run, "a", "particles.csv")).Rows.Count + ParticleTableCsv.Read(Path.Combine(run, "c", "particles.csv")).Rows.Count,
            ParticleTableCsv.Read(Path.Combine(run, "particles.csv")).Rows.Count);
    }

    [Fact]
    public void A_run_folder_of_other_settings_is_not_taken_for_finished_nor_overwritten()
    {
        var a = _workspace.Micrograph("a");
        var run = _workspace.File("run");
        Assert.Equal(ExitCodes.Success, Run(_workspace.Table("t1.csv", (a, 5200, 4950, 25)), run).Code);
        var finished = Snapshot(Path.Combine(run, "a"));

        var (code, output, _) = Run(_workspace.Table("t2.csv", (a, 6000, 5900, 25)), run);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("holds results of other settings", output);
        Assert.DoesNotContain("skipped", output);
        Assert.Equal(finished, Snapshot(Path.Combine(run, "a")));
    }

    [Theory]
    [InlineData("--output-csv", "x.csv")]
    [InlineData("--shard", "0/2")]
    [InlineData("--ctf", "ctf.txt")]
    public void Options_naming_single_outputs_are_usage_errors_with_micrographs(string option, string value)
    {
        var table = _workspace.Table("micrographs.csv", (_workspace.Micrograph("a"), 5200, 4950, 25));
        var (code, _, error) = CliRun.Run("match-template", _workspace.Config, "--micrographs", table, option, value);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(option, error);
    }

    [Fact]
    public void Run_dir_without_micrographs_is_a_usage_error()
    {
        var (code, _, error) = CliRun.Run("match-template", _workspace.Config, "--run-dir", _workspace.File("run"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--run-dir goes with --micrographs", error);
    }

    private static (int Code, string Out, string Err) Run(string table, string run) => CliRun.Run(
        "match-template", "--micrographs", table, "--run-dir", run, "--threads", "2", "--backend", "cpu",
        "--z-score-cutoff", DatasetWorkspace.Cutoff, ConfigOf(table));

    // Every table of the workspace lies beside its configuration.
    private static string ConfigOf(string table) => Path.Combine(Path.GetDirectoryName(table)!, "config.yaml");

    // Every file's contents and time of writing: a skipped micrograph's files are not touched at all.
    private static Dictionary<string, string> Snapshot(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(folder, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))) + "@" + File.GetLastWriteTimeUtc(f).Ticks);
}
