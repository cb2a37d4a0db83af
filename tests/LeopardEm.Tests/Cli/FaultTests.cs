using System.Diagnostics;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.Search;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Cli;

/// <summary>
/// Faults only a real process shows: a signal stops a run cleanly with the documented exit code and writes nothing; a
/// SIGKILL in the middle of writing the outputs leaves the complete old set or the complete new one (after the next
/// run's recovery, which succeeds); a full disk loses nothing and leaves nothing behind.
/// </summary>
public sealed class FaultTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(15, ExitCodes.Terminated)]
    [InlineData(2, ExitCodes.Cancelled)]
    public void A_signal_stops_a_search_quickly_with_its_exit_code_and_writes_nothing(int signal, int expected)
    {
        var config = Config("out", psiStep: 3, size: 256);
        using var run = LeopardProcess.Start(_directory.Path, "match-template", config, "--threads", "1");
        WaitFor(() => run.Output.Contains("Searching", StringComparison.Ordinal) || run.HasExited, TimeSpan.FromSeconds(60));
        Assert.False(run.HasExited, $"the search ended before the signal: {run.Output}{run.Error}");
        Thread.Sleep(300);
        var watch = Stopwatch.StartNew();
        run.Signal(signal);
        var code = run.WaitForExit(TimeSpan.FromSeconds(30));
        log.WriteLine($"signal {signal}: exit {code} after {watch.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(expected, code);
        Assert.Contains("Cancelled; no outputs were written", run.Error);
        Assert.Empty(Directory.GetFileSystemEntries(_directory.File("out")));
    }

    /// <summary>simulate, which once ignored signals late in a run, stops on SIGTERM while it renders the ribosome
    /// (165,175 atoms), exits 143 and writes nothing.</summary>
    [SharedDataFact("models/mmcif_6zu5.cif")]
    public void A_signal_stops_a_simulation_and_writes_nothing()
    {
        var model = SharedData.Find("models/mmcif_6zu5.cif")!;
        using var run = LeopardProcess.Start(
            _directory.Path, "simulate", model, "--pixel-size", "1.0", "--box", "300", "-o", _directory.File("ribosome.mrc"), "--threads", "1");
        WaitFor(() => run.Output.Contains("atoms read", StringComparison.Ordinal) || run.HasExited, TimeSpan.FromSeconds(120));
        Assert.False(run.HasExited, $"the simulation ended before the signal: {run.Output}{run.Error}");
        Thread.Sleep(300);
        var watch = Stopwatch.StartNew();
        run.Signal(15);
        var code = run.WaitForExit(TimeSpan.FromSeconds(60));
        log.WriteLine($"simulate: exit {code} {watch.Elapsed.TotalSeconds:F2} s after SIGTERM");
        Assert.Equal(ExitCodes.Terminated, code);
        Assert.False(File.Exists(_directory.File("ribosome.mrc")));
        Assert.DoesNotContain(Directory.EnumerateFiles(_directory.Path), f => Path.GetFileName(f).StartsWith(".leopard-tmp-", StringComparison.Ordinal));
    }

    /// <summary>A run replacing an earlier run's outputs is killed the moment its temporary files or journal appear,
    /// repeatedly (alternating two configurations) until kills have landed inside the publication. Each time the
    /// outputs hold the complete old set or the complete new one once the next run has claimed them, and that next run
    /// succeeds and leaves exactly its set.</summary>
    [Fact]
    public void A_kill_during_the_write_leaves_a_complete_set_and_the_next_run_succeeds()
    {
        var configs = new[]
        {
            Config("out", psiStep: 60, size: 384, defocusStep: 200),
            Config("out", psiStep: 60, size: 384, defocusStep: 100, name: "other.yaml"),
        };
        var sets = configs.Select(Expected).ToArray();
        Run(configs[0]);
        var landed = 0;
        for (var attempt = 0; attempt < 8 && landed < 2; attempt++)
        {
            var (current, next) = (attempt % 2, (attempt + 1) % 2);
            using var run = LeopardProcess.Start(_directory.Path, "match-template", configs[next], "--threads", "1");
            var seen = WaitFor(() => run.HasExited || Directory.EnumerateFiles(_directory.File("out"), ".leopard-tmp-*").Any()
                || Directory.EnumerateFiles(_directory.File("out"), ".leopard-publish-*").Any(), TimeSpan.FromSeconds(60));
            var during = seen && !run.HasExited;
            run.Signal(9);
            run.WaitForExit(TimeSpan.FromSeconds(30));
            landed += during ? 1 : 0;

            var claimed = Claim(configs[next]);
            Assert.True(SameSet(claimed, sets[current]) || SameSet(claimed, sets[next]), $"attempt {attempt}: a mixed set after recovery");
            Run(configs[next]);
            Assert.True(SameSet(Snapshot("out"), sets[next]), $"attempt {attempt}: the run after the kill did not leave exactly its set");
        }

        log.WriteLine($"kills that landed during the write: {landed}");
        Assert.True(landed > 0, "no kill landed inside the publication");
    }

    /// <summary>A search killed (SIGKILL) several times while saving checkpoints every fraction of a second, and rerun
    /// each time with the same command, continues from its checkpoint and ends with the MIP and every label map of an
    /// uninterrupted run, bit for bit.</summary>
    [Fact]
    public void A_killed_search_resumes_from_its_checkpoint_and_ends_as_an_uninterrupted_run()
    {
        var reference = Config("reference", psiStep: 9, size: 160, name: "reference.yaml");
        Run(reference);
        var config = Config("out", psiStep: 9, size: 160);
        var resumed = 0;
        var random = new Random(7);
        for (var kill = 0; kill < 2; kill++)
        {
            using var run = LeopardProcess.Start(_directory.Path, "match-template", config, "--threads", "1", "--checkpoint-interval", "0.003");
            WaitFor(() => File.Exists(_directory.File("out/mip.mrc.checkpoint")) || run.HasExited, TimeSpan.FromSeconds(60));
            Thread.Sleep(random.Next(100, 600));
            if (run.HasExited)
            {
                break;
            }

            run.Signal(9);
            run.WaitForExit(TimeSpan.FromSeconds(30));
            resumed += run.Output.Contains("resuming from", StringComparison.Ordinal) ? 1 : 0;
        }

        using (var last = LeopardProcess.Start(_directory.Path, "match-template", config, "--threads", "1", "--checkpoint-interval", "0.003"))
        {
            Assert.True(last.WaitForExit(TimeSpan.FromSeconds(120)) == 0, last.Error);
            resumed += last.Output.Contains("resuming from", StringComparison.Ordinal) ? 1 : 0;
        }

        log.WriteLine($"runs that resumed from a checkpoint: {resumed}");
        Assert.True(resumed > 0, "no run resumed from a checkpoint");
        Assert.False(File.Exists(_directory.File("out/mip.mrc.checkpoint")), "the checkpoint outlived the finished search");
        foreach (var name in new[] { "mip.mrc", "psi.mrc", "theta.mrc", "phi.mrc", "defocus.mrc" })
        {
            var expected = MrcReader.ReadImage(_directory.File("reference/" + name)).Data;
            Assert.True(expected.AsSpan().SequenceEqual(MrcReader.ReadImage(_directory.File("out/" + name)).Data), $"{name} differs from the uninterrupted run");
        }
    }

    [TmpfsFact]
    public void A_full_disk_loses_nothing_and_leaves_nothing()
    {
        var mount = _directory.File("small");
        Directory.CreateDirectory(mount);
        if (TmpfsFactAttribute.Mount(mount, "400k") is { } problem)
        {
            Assert.True(TmpfsFactAttribute.Declared is not null, problem);
            log.WriteLine($"no real full disk here ({TmpfsFactAttribute.Declared}); the in-process output-set tests cover the failure path");
            return;
        }

        try
        {
            // Eight 129² float maps (67 KB each) and the table do not fit in 400 KB.
            var config = Config("small/out", psiStep: 60, size: 192);
            var (code, error) = RunCapturing(config);
            Assert.Equal(ExitCodes.RuntimeFailure, code);
            Assert.Contains("Could not write match_template_result.", error);
            Assert.Contains("No space left on device", error);
            Assert.DoesNotContain(Directory.EnumerateFiles(_directory.File("small/out"), "*", SearchOption.AllDirectories), f => Path.GetFileName(f).StartsWith('.'));
            Assert.Empty(Directory.EnumerateFiles(_directory.File("small/out")));
        }
        finally
        {
            TmpfsFactAttribute.Unmount(mount);
        }
    }

    private string Config(string output, double psiStep, int size, double defocusStep = 200, string name = "config.yaml")
    {
        var micrograph = _directory.File($"micrograph-{size}.mrc");
        if (!File.Exists(micrograph))
        {
            var random = new Random(size);
            MrcWriter.Write(micrograph, new Image2D(size, size, [.. Enumerable.Range(0, size * size).Select(_ => random.NextSingle() - 0.5f)]), false);
        }

        var template = _directory.File("template.mrc");
        if (!File.Exists(template))
        {
            MrcWriter.Write(template, SearchCase.BlobVolume(64, 3), false);
        }

        var settings = SampleSettings.Create() with
        {
            MicrographPath = micrograph,
            TemplateVolumePath = template,
            OrientationSearchConfig = new OrientationSearchConfig { PsiStep = psiStep, ThetaStep = psiStep },
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = -200, DefocusMax = 200, DefocusStep = defocusStep },
            MatchTemplateResult = SampleSettings.Result(_directory.File(output)) with { AllowFileOverwrite = true },
        };
        var path = _directory.File(name);
        MatchTemplateConfig.Save(settings, path);
        return path;
    }

    private int Run(string config)
    {
        using var run = LeopardProcess.Start(_directory.Path, "match-template", config, "--threads", "1");
        var code = run.WaitForExit(TimeSpan.FromSeconds(120));
        Assert.True(code == 0, run.Error);
        return code;
    }

    private (int Code, string Error) RunCapturing(string config)
    {
        using var run = LeopardProcess.Start(_directory.Path, "match-template", config, "--threads", "1");
        return (run.WaitForExit(TimeSpan.FromSeconds(120)), run.Error);
    }

    // The set a configuration writes, from a run into a reference folder (labels carry a time stamp, so SameSet
    // compares only the samples).
    private Dictionary<string, byte[]> Expected(string config)
    {
        var reference = _directory.File("reference-" + Path.GetFileNameWithoutExtension(config));
        var settings = MatchTemplateConfig.Load(config).Settings;
        var moved = settings with { MatchTemplateResult = SampleSettings.Result(reference) with { AllowFileOverwrite = true } };
        var path = reference + ".yaml";
        MatchTemplateConfig.Save(moved, path);
        Run(path);
        return Snapshot(reference);
    }

    // What the next run finds after claiming the outputs (locks, recovery), read while it holds them.
    private Dictionary<string, byte[]> Claim(string config)
    {
        var settings = MatchTemplateConfig.Load(config).Settings;
        using var job = LeopardEm.Programs.MatchTemplateJob.Prepare(settings, _directory.Path, new LeopardEm.Programs.MatchTemplateOptions());
        return Snapshot("out");
    }

    private Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(_directory.File(folder))
            .Where(f => !Path.GetFileName(f).StartsWith(".leopard-lock-", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

    // Same file names, and the same samples (bytes after the 1024-byte header, whose label holds the write time).
    private static bool SameSet(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
        a.Keys.Order().SequenceEqual(b.Keys.Order()) && a.All(kv => kv.Value.AsSpan(1024).SequenceEqual(b[kv.Key].AsSpan(1024)));

    private static bool WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(1);
        }

        return false;
    }

}
