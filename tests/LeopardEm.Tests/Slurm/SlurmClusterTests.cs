using System.Diagnostics;
using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Datasets;
using LeopardEm.Io;
using LeopardEm.Tests.Cli;
using LeopardEm.Tests.Datasets;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Slurm;

/// <summary>
/// <c>leopard slurm match-template</c> through a real SLURM (sbatch, an array job, a merge job after it): 2 micrographs
/// x 3 shards, and each micrograph's maps and table equal its single run. Needs a running cluster
/// (<see cref="SlurmFactAttribute"/>: CI starts a one-node one).
/// </summary>
public sealed partial class SlurmClusterTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private readonly DatasetWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [SlurmFact]
    public void A_run_through_sbatch_equals_the_single_runs()
    {
        var a = _workspace.Micrograph("a");
        var b = _workspace.Micrograph("b");
        var table = _workspace.Table("micrographs.csv", (a, 5200, 4950, 25), (b, 15000, 14000, -60));
        var layout = new RunLayout(_workspace.File("run"));
        var watch = Stopwatch.StartNew();

        var (code, output, error) = CliRun.Run(
            "slurm", "match-template", _workspace.Config, "--micrographs", table, "--run-dir", layout.Root, "--shards", "3",
            "--cpus-per-task", "1", "--time", "10", "--leopard-command", ScriptProcess.LeopardCommand, "--backend", "cpu",
            "--z-score-cutoff", DatasetWorkspace.Cutoff);

        Assert.True(code == ExitCodes.Success, output + error);
        var jobs = SubmittedJobs().Match(output);
        Assert.True(jobs.Success, output);
        var (arrayJob, mergeJob) = (jobs.Groups[1].Value, jobs.Groups[2].Value);
        var state = WaitForEnd(mergeJob);
        log.WriteLine($"array job {arrayJob}, merge job {mergeJob}: {state} after {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(state == "COMPLETED", $"merge job {mergeJob} ended {state}\n{Logs(layout)}");

        _workspace.SingleRun(a, 5200, 4950, 25, _workspace.File("single-a"));
        _workspace.SingleRun(b, 15000, 14000, -60, _workspace.File("single-b"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-a"), layout.Folder("a"));
        DatasetWorkspace.AssertSameResults(_workspace.File("single-b"), layout.Folder("b"));
        var combined = ParticleTableCsv.Read(layout.CombinedParticles);
        Assert.Equal(
            ParticleTableCsv.Read(layout.Particles("a")).Rows.Count + ParticleTableCsv.Read(layout.Particles("b")).Rows.Count, combined.Rows.Count);
        var status = Regex.Replace(CliRun.Run("slurm", "status", layout.Root).Out, @"\s+", " "); // the console wraps long lines
        Assert.Contains($"array job {arrayJob}, merge job {mergeJob}", status);
        Assert.Contains("shards: 6 done, 0 running, 0 failed, 0 pending of 6; micrographs: 2 of 2 merged", status);
    }

    // The job's state once it has left the queue (scontrol keeps finished jobs for MinJobAge).
    private static string WaitForEnd(string job)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            var state = JobState().Match(Scontrol(job)) is { Success: true } m ? m.Groups[1].Value : "UNKNOWN";
            if (state is not ("PENDING" or "CONFIGURING" or "RUNNING" or "COMPLETING" or "REQUEUED" or "UNKNOWN"))
            {
                return state;
            }

            Thread.Sleep(500);
        }

        return $"still queued or running after {Patience.TotalMinutes} minutes";
    }

    private static string Scontrol(string job)
    {
        using var scontrol = Process.Start(new ProcessStartInfo("scontrol", ["show", "job", job, "-o"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = scontrol.StandardOutput.ReadToEnd();
        scontrol.WaitForExit();
        return output;
    }

    private static string Logs(RunLayout layout) => Directory.Exists(layout.Logs)
        ? string.Join("\n", Directory.GetFiles(layout.Logs).Order().Select(f => $"--- {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
        : "(no logs)";

    [GeneratedRegex(@"submitted array job (\d+) .* merge job (\d+)")]
    private static partial Regex SubmittedJobs();

    [GeneratedRegex(@"JobState=(\w+)")]
    private static partial Regex JobState();
}
