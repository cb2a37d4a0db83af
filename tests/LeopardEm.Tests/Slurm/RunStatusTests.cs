using LeopardEm.Datasets;
using LeopardEm.Search;
using LeopardEm.Shards;
using LeopardEm.Slurm;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.Shards;

namespace LeopardEm.Tests.Slurm;

/// <summary>A run's status from its files: a partial result is done, a failure marker failed, a task marker running (with
/// the share of the shard its checkpoint holds), nothing pending, a merged micrograph done in every shard.</summary>
public sealed class RunStatusTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Each_state_is_read_from_its_file()
    {
        var layout = new RunLayout(_directory.Path);
        Directory.CreateDirectory(layout.Parts("a"));
        Directory.CreateDirectory(layout.Folder("b"));
        File.WriteAllText(layout.Part("a", 0), "done");
        File.WriteAllText(RunLayout.TaskMarkerOf(layout.Part("a", 1)), "job 7_1 on node3 since 2025-01-01 10:00:00\n");
        File.WriteAllText(RunLayout.FailedMarkerOf(layout.Part("a", 2)), "exit 1 at 2025-01-01 10:05:00");
        File.WriteAllText(layout.Particles("b"), "");

        // Shard 1 of 4 of a search of 1000 correlations is [250, 500); its checkpoint holds the first 100 of them.
        var header = TestPartialHeaders.Of(rangeStart: 250, rangeCount: 100, total: 1000, height: 2, width: 2);
        using (var stream = File.Create(RunLayout.CheckpointOf(layout.Part("a", 1))))
        {
            PartialResultFile.Write(stream, header, new SearchStatistics(2, 2));
        }

        var status = RunStatus.Read(layout, ["a", "b"], 4);

        var a = status[0].Shards;
        Assert.Equal([ShardState.Done, ShardState.Running, ShardState.Failed, ShardState.Pending], a.Select(s => s.State));
        Assert.Equal("job 7_1 on node3 since 2025-01-01 10:00:00", a[1].Detail);
        Assert.Equal(0.4, a[1].Saved!.Value, 12);
        Assert.Equal("exit 1 at 2025-01-01 10:05:00", a[2].Detail);
        Assert.Null(a[3].Saved);
        Assert.False(status[0].Merged);
        Assert.True(status[1].Merged);
        Assert.All(status[1].Shards, s => Assert.Equal(ShardState.Done, s.State));
    }
}
