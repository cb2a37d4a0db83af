using LeopardEm.Io;
using LeopardEm.Programs;
using LeopardEm.Shards;
using LeopardEm.Tests.Programs;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Shards;

/// <summary>A search split into N shards and merged writes what the single run writes: MIP and every label map bit for
/// bit, mean and standard deviation to 1e-12 relative (float32 maps: within one rounding), the same table; a set of parts
/// that is not exactly the search is refused, naming every offending file and missing range.</summary>
public sealed class ShardMergeTests : IDisposable
{
    private readonly JobWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Shards_merged_equal_the_single_run(int count)
    {
        var single = Run(_workspace.Settings with { MatchTemplateResult = SampleSettings.Result("single") }, "single.csv");
        var parts = Enumerable.Range(0, count).Select(k => Part(new ShardSpec(k, count), $"parts/{k}.partial")).Reverse().ToList();
        var mergedSettings = _workspace.Settings with { MatchTemplateResult = SampleSettings.Result("merged") };
        using (var job = MatchTemplateJob.Prepare(mergedSettings, _workspace.Path, Options("merged.csv")))
        {
            job.Merge(parts);
        }

        foreach (var ((key, singlePath), (_, mergedPath)) in single.MatchTemplateResult.OutputPaths.Zip(mergedSettings.MatchTemplateResult.OutputPaths))
        {
            var a = MrcReader.ReadImage(_workspace.File(singlePath)).Data;
            var b = MrcReader.ReadImage(_workspace.File(mergedPath)).Data;
            if (key is "correlation_average_path" or "correlation_variance_path")
            {
                // Sums of differently ordered parts agree to ~1e-15 relative; their float32 maps within one rounding.
                Assert.All(a.Zip(b), p => Assert.Equal(p.First, p.Second, Math.Abs(p.First) * 2e-7 + 1e-12));
            }
            else
            {
                Assert.True(a.AsSpan().SequenceEqual(b), $"{key} differs for {count} shards");
            }
        }

        Assert.Equal(File.ReadAllText(_workspace.File("single.csv")).Replace("single/", "x/", StringComparison.Ordinal),
            File.ReadAllText(_workspace.File("merged.csv")).Replace("merged/", "x/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_set_that_is_not_exactly_the_search_is_refused_naming_every_problem()
    {
        var shards = Enumerable.Range(0, 4).Select(k => Part(new ShardSpec(k, 4), $"parts/{k}.partial")).ToList();
        var other = Part(new ShardSpec(1, 3), "parts/other.partial");
        var foreign = _workspace.Settings with { DefocusSearchConfig = _workspace.Settings.DefocusSearchConfig with { DefocusStep = 100 } };
        string foreignPart;
        using (var job = MatchTemplateJob.Prepare(
                   foreign, _workspace.Path, Options(null) with { PartialPath = "parts/foreign.partial", Shard = new ShardSpec(0, 2) }))
        {
            job.RunPart(null, CancellationToken.None);
            foreignPart = _workspace.File("parts/foreign.partial");
        }

        using var merge = MatchTemplateJob.Prepare(_workspace.Settings with { MatchTemplateResult = SampleSettings.Result("m") }, _workspace.Path, Options(null));
        var error = Assert.Throws<PartialResultException>(() => merge.Merge([shards[0], shards[0], shards[1], other, foreignPart]));
        Assert.Contains($"'{shards[0]}' duplicates '{shards[0]}'", error.Message);
        Assert.Contains($"'{other}' (indices", error.Message);
        Assert.Contains("overlaps", error.Message);
        Assert.Contains($"'{foreignPart}' is a part of another search", error.Message);
        Assert.Contains("no part covers indices", error.Message);
        Assert.DoesNotContain(Directory.EnumerateFiles(_workspace.File("m"), "*.mrc"), f => !Path.GetFileName(f).StartsWith('.'));
    }

    private LeopardEm.Settings.MatchTemplateSettings Run(LeopardEm.Settings.MatchTemplateSettings settings, string csv)
    {
        using var job = MatchTemplateJob.Prepare(settings, _workspace.Path, Options(csv));
        job.Run(null, CancellationToken.None);
        return settings;
    }

    private string Part(ShardSpec shard, string path)
    {
        using var job = MatchTemplateJob.Prepare(
            _workspace.Settings, _workspace.Path, Options(null) with { Shard = shard, PartialPath = path, Threads = 1 + shard.Index % 2 });
        job.RunPart(null, CancellationToken.None);
        return _workspace.File(path);
    }

    private static MatchTemplateOptions Options(string? csv) => new()
    {
        Threads = 2,
        OrientationBatchSize = 3,
        OutputCsvPath = csv,
        SettingsFingerprint = "test",
    };
}
