using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Datasets;
using LeopardEm.Io;
using LeopardEm.Slurm;
using LeopardEm.Tests.Cli;
using LeopardEm.Tests.Datasets;

namespace LeopardEm.Tests.Slurm;

/// <summary>
/// <c>leopard slurm match-template --dry-run</c> and its scripts, run with bash as SLURM would run them (every array task,
/// then the merge job), without a cluster: each micrograph's results equal its single run, a task is a no-op once its
/// shard is done (so requeues and resubmissions are safe), a damaged micrograph fails its own tasks only, and the
/// status and merge report it.
/// </summary>
public sealed class SlurmScriptTests : IDisposable
{
    private readonly DatasetWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public void The_scripts_run_every_task_and_the_merge_to_the_single_runs_results()
    {
        var a = _workspace.Micrograph("a");
        var bad = _workspace.File("bad.mrc");
        File.WriteAllText(bad, "damaged");
        var b = _workspace.Micrograph("b");
        var table = _workspace.Table("micrographs.csv", (a, 5200, 4950, 25), (bad, 9000, 8800, 0), (b, 15000, 14000, -60));
        var layout = new RunLayout(_workspace.File("run"));

        var (code, output, error) = Submit(table, layout, "--shards", "2", "--partition", "debug", "--mem", "1G", "--time", "10", "--account", "lab");

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("3 micrograph(s) x 2 shard(s) = 6 task(s)", output);
        var array = File.ReadAllText(layout.ArrayScript);
        Assert.Contains("#SBATCH --array=0-5\n", array);
        Assert.Contains("#SBATCH --requeue\n", array);
        foreach (var line in new[] { "--partition=debug", "--mem=1G", "--time=10", "--account=lab", "--cpus-per-task=1" })
        {
            Assert.Contains($"#SBATCH {line}\n", array);
            Assert.Contains($"#SBATCH {line}\n", File.ReadAllText(layout.MergeScript));
        }

        Assert.Contains("'--backend' 'cpu'", array);
        Assert.DoesNotContain("--backend", File.ReadAllText(layout.MergeScript));
        Assert.Contains($"'--z-score-cutoff' '{DatasetWorkspace.Cutoff}'", File.ReadAllText(layout.MergeScript));
        Assert.Equal(15000, MatchTemplateConfig.Load(layout.Config("b")).Settings.OpticsGroup.DefocusU);

        // The array: task i is shard i % 2 of micrograph i / 2.
        var codes = Enumerable.Range(0, 6).Select(task => ScriptProcess.Run(layout.ArrayScript, task)).ToList();
        Assert.Equal([0, 0, 1, 1, 0, 0], codes.Select(c => c.Code));
        Assert.True(File.Exists(layout.Part("b", 1)), codes[5].Output);
        Assert.Contains("exit 1", File.ReadAllText(RunLayout.FailedMarkerOf(layout.Part("bad", 0))));
        Assert.False(File.Exists(RunLayout.TaskMarkerOf(layout.Part("a", 0))));

        // A requeued or resubmitted task whose shard is done does nothing.
        var before = File.GetLastWriteTimeUtc(layout.Part("a", 1));
        var again = ScriptProcess.Run(layout.ArrayScript, 1);
        Assert.Equal(0, again.Code);
        Assert.Contains("shard 1 of a is done already", again.Output);
        Assert.Equal(before, File.GetLastWriteTimeUtc(layout.Part("a", 1)));

        var status = CliRun.Run("slurm", "status", layout.Root);
        Assert.Equal(ExitCodes.Success, status.Code);
        Assert.Contains("shards: 4 done, 0 running, 2 failed, 0 pending of 6; micrographs: 0 of 3 merged", status.Out);

        var merge = ScriptProcess.Run(layout.MergeScript);
        Assert.Equal(ExitCodes.RuntimeFailure, merge.Code);
        Assert.Contains("bad: 2 of its 2 partial results are missing", merge.Output);
        _workspace.SingleRun(a, 5200, 4950, 25, _workspace.File("single-a"));
        _workspace.SingleRun(b, 15000, 14000, -60, _workspace.File("single-b"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-a"), layout.Folder("a"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-b"), layout.Folder("b"));
        Assert.False(Directory.Exists(layout.Parts("a")), "the parts of a merged micrograph are deleted");
        var combined = ParticleTableCsv.Read(layout.CombinedParticles);
        Assert.Equal(["a", "b"], combined.Rows.Select(r => (string)r[0]!).Distinct());
        Assert.Contains("micrographs: 2 of 3 merged", CliRun.Run("slurm", "status", layout.Root).Out);
    }

    [Fact]
    public void Time_without_shards_calibrates_here_and_chooses_the_fewest_that_fit()
    {
        var table = _workspace.Table("micrographs.csv", (_workspace.Micrograph("a"), 5200, 4950, 25));
        var layout = new RunLayout(_workspace.File("run"));

        var (code, output, error) = Submit(table, layout, "--time", "10");

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("Calibrating on a with 1 thread(s)", output);
        // 1,656 correlations of 64² take well under a second here: one shard fits 10 minutes.
        Assert.Contains("1 shard(s) per micrograph", output);
        Assert.Equal(1, RunManifest.Read(layout.Manifest).Shards);
    }

    [Fact]
    public void Other_shards_for_a_run_that_holds_parts_are_refused()
    {
        var table = _workspace.Table("micrographs.csv", (_workspace.Micrograph("a"), 5200, 4950, 25));
        var layout = new RunLayout(_workspace.File("run"));
        Assert.Equal(ExitCodes.Success, Submit(table, layout, "--shards", "3").Code);
        Assert.Equal(0, ScriptProcess.Run(layout.ArrayScript, 0).Code);

        var (code, _, error) = Submit(table, layout, "--shards", "2");

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("was submitted with 3 shard(s)", error);
        Assert.Contains("submit again with --shards 3", error);
    }

    [Theory]
    [InlineData("--threads", "4")]
    [InlineData("--output-csv", "x.csv")]
    [InlineData("--time", "1:2:3:4")]
    public void Options_that_do_not_fit_a_cluster_run_are_usage_errors(string option, string value)
    {
        var (code, _, error) = CliRun.Run("slurm", "match-template", _workspace.Config, "--run-dir", _workspace.File("run"), option, value);
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(option, error);
    }

    private static (int Code, string Out, string Err) Submit(string table, RunLayout layout, params string[] options)
    {
        var config = Path.Combine(Path.GetDirectoryName(table)!, "config.yaml");
        return CliRun.Run([
            "slurm", "match-template", config, "--micrographs", table, "--run-dir", layout.Root, "--dry-run",
            "--leopard-command", ScriptProcess.LeopardCommand, "--backend", "cpu", "--z-score-cutoff", DatasetWorkspace.Cutoff, .. options,
        ]);
    }
}
