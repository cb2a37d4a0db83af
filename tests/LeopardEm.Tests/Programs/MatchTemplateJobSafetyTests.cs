using LeopardEm.Programs;
using LeopardEm.Search;
using LeopardEm.Settings;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Programs;

/// <summary>match_template never damages existing files and leaves nothing behind when cancelled.</summary>
public sealed class MatchTemplateJobSafetyTests
{
    private const string Csv = "out/particles.csv";
    private readonly ITestOutputHelper _log;

    public MatchTemplateJobSafetyTests(ITestOutputHelper log) => _log = log;

    /// <summary>A complete run writes the eight maps and the table and nothing else; a second run of the same
    /// settings, without allow_file_overwrite, is refused at Prepare naming every existing output, and no file
    /// changes.</summary>
    [Fact]
    public void A_second_run_without_overwrite_is_refused_and_changes_nothing()
    {
        using var workspace = new JobWorkspace();
        var options = new MatchTemplateOptions { Threads = 2, OrientationBatchSize = 4, OutputCsvPath = Csv };
        using (var job = MatchTemplateJob.Prepare(workspace.Settings, workspace.Path, options))
        {
            _log.WriteLine($"{job.Inputs.Space.OrientationCount} orientations x {job.Inputs.Space.DefocusCount} defocus planes");
            var outcome = job.Run(null, CancellationToken.None);
            Assert.Equal(9, outcome.WrittenFiles.Count);
        }

        var outputs = workspace.Settings.MatchTemplateResult.OutputPaths.Select(o => o.Path).Append(Csv).Order();
        var before = workspace.Snapshot();
        Assert.Equal(outputs.Concat(["micrograph.mrc", "template.mrc"]).Order(), before.Keys.Order());

        var error = Assert.Throws<SettingsValidationException>(() => MatchTemplateJob.Prepare(workspace.Settings, workspace.Path, options));
        var keys = error.Problems.Select(p => p.KeyPath).ToList();
        foreach (var (key, path) in workspace.Settings.MatchTemplateResult.OutputPaths)
        {
            Assert.Contains($"match_template_result.{key}", keys);
            Assert.Contains(path, error.Message);
        }

        Assert.Contains(Csv, error.Message);
        AssertUnchanged(before, workspace.Snapshot());
    }

    /// <summary>The refusal comes before output directories are created: one existing output (the table) is enough
    /// to stop the job, and the maps' directory does not appear.</summary>
    [Fact]
    public void A_refused_job_creates_no_directories()
    {
        using var workspace = new JobWorkspace();
        File.WriteAllText(workspace.File("particles.csv"), "precious");
        var before = workspace.Snapshot();
        var options = new MatchTemplateOptions { OutputCsvPath = "particles.csv" };

        var error = Assert.Throws<SettingsValidationException>(() => MatchTemplateJob.Prepare(workspace.Settings, workspace.Path, options));
        Assert.Contains("particles.csv", Assert.Single(error.Problems).Message);
        Assert.False(Directory.Exists(workspace.File("out")));
        AssertUnchanged(before, workspace.Snapshot());
    }

    /// <summary>The particle table may go to a folder of its own, which is created; a table path equal to one of the
    /// map paths is refused before anything is written.</summary>
    [Fact]
    public void The_table_gets_its_folder_and_may_not_replace_a_map()
    {
        using var workspace = new JobWorkspace();
        var mip = workspace.Settings.MatchTemplateResult.MipPath;
        var clash = Assert.Throws<SettingsValidationException>(
            () => MatchTemplateJob.Prepare(workspace.Settings, workspace.Path, new MatchTemplateOptions { OutputCsvPath = mip }));
        Assert.Contains("is also the path of match_template_result.mip_path", Assert.Single(clash.Problems).Message);
        Assert.False(Directory.Exists(workspace.File("out")));

        var options = new MatchTemplateOptions { OutputCsvPath = "tables/run1/particles.csv" };
        using var job = MatchTemplateJob.Prepare(workspace.Settings, workspace.Path, options);
        var outcome = job.Run(null, CancellationToken.None);
        Assert.True(File.Exists(workspace.File("tables/run1/particles.csv")));
        Assert.Contains(workspace.File("tables/run1/particles.csv"), outcome.WrittenFiles);
    }

    /// <summary>Cancelling from the progress callback after the first report stops the run with
    /// <see cref="OperationCanceledException"/>, and once the job is released the output directory is empty (no maps,
    /// table, temporary or lock files).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_cancelled_run_writes_nothing(int threads)
    {
        using var workspace = new JobWorkspace();
        var options = new MatchTemplateOptions { Threads = threads, OrientationBatchSize = 1, OutputCsvPath = Csv };
        var job = MatchTemplateJob.Prepare(workspace.Settings, workspace.Path, options);
        Assert.True(job.Inputs.Space.OrientationCount > 2 * threads, "the run needs more batches than threads");
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        var progress = new SynchronousProgress(_ =>
        {
            Interlocked.Increment(ref reports);
            cancellation.Cancel();
        });

        Assert.ThrowsAny<OperationCanceledException>(() => job.Run(progress, cancellation.Token));
        Assert.InRange(reports, 1, threads);
        // While the job lives it holds its outputs' locks (hidden files); once released, nothing is left.
        job.Dispose();
        Assert.Empty(Directory.GetFileSystemEntries(workspace.File("out")));
    }

    private static void AssertUnchanged(IReadOnlyDictionary<string, byte[]> before, IReadOnlyDictionary<string, byte[]> after)
    {
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (path, bytes) in before)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
        }
    }
}
