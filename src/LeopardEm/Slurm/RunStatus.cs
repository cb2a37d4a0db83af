using LeopardEm.Datasets;
using LeopardEm.Shards;

namespace LeopardEm.Slurm;

/// <summary>Where a shard's task stands, as its files tell.</summary>
public enum ShardState
{
    /// <summary>No file yet: the task has not started (or was requeued before it wrote anything).</summary>
    Pending,

    /// <summary>The task's marker is there (<see cref="RunLayout.TaskMarkerOf"/>): it runs, or was killed without a
    /// chance to say so (then it shows as running until it is requeued or rerun).</summary>
    Running,

    /// <summary>The task's last run failed or was stopped (<see cref="RunLayout.FailedMarkerOf"/>).</summary>
    Failed,

    /// <summary>The partial result is written (or the micrograph is merged).</summary>
    Done,
}

/// <summary>One shard of one micrograph.</summary>
/// <param name="Shard">K.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Detail">The task marker's text (job, host, since when; or the failure), or null.</param>
/// <param name="Saved">Fraction of the shard's correlations in its checkpoint, or null without one.</param>
public sealed record ShardStatus(int Shard, ShardState State, string? Detail, double? Saved);

/// <summary>One micrograph of a run.</summary>
/// <param name="Name">Its folder name.</param>
/// <param name="Merged">Its maps and particle table are written.</param>
/// <param name="Shards">Its shards.</param>
public sealed record MicrographStatus(string Name, bool Merged, IReadOnlyList<ShardStatus> Shards);

/// <summary>Reads where every shard of a run stands from the run's files alone (no scheduler needed, so it works from
/// any machine that sees the folder).</summary>
public static class RunStatus
{
    /// <summary>The status of each micrograph of the run.</summary>
    /// <param name="layout">The run's folder.</param>
    /// <param name="names">The micrographs.</param>
    /// <param name="shards">Shards per micrograph.</param>
    public static IReadOnlyList<MicrographStatus> Read(RunLayout layout, IReadOnlyList<string> names, int shards)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(names);
        return [.. names.Select(name =>
        {
            var merged = File.Exists(layout.Particles(name));
            return new MicrographStatus(name, merged, [.. Enumerable.Range(0, shards).Select(k => Shard(layout.Part(name, k), new ShardSpec(k, shards), merged))]);
        })];
    }

    private static ShardStatus Shard(string part, ShardSpec shard, bool merged)
    {
        if (merged || File.Exists(part))
        {
            return new ShardStatus(shard.Index, ShardState.Done, null, null);
        }

        var saved = Saved(RunLayout.CheckpointOf(part), shard);
        return Marker(RunLayout.FailedMarkerOf(part)) is { } failure ? new ShardStatus(shard.Index, ShardState.Failed, failure, saved)
            : Marker(RunLayout.TaskMarkerOf(part)) is { } task ? new ShardStatus(shard.Index, ShardState.Running, task, saved)
            : new ShardStatus(shard.Index, ShardState.Pending, null, saved);
    }

    private static string? Marker(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (IOException)
        {
            // Removed between the check and the read: the task just finished.
            return null;
        }
    }

    // The checkpoint's header holds the whole search's size and the part of the shard done so far. One being replaced
    // or damaged just has no progress to show.
    private static double? Saved(string checkpoint, ShardSpec shard)
    {
        try
        {
            if (!File.Exists(checkpoint))
            {
                return null;
            }

            var header = PartialResultFile.ReadHeader(checkpoint);
            return header.RangeCount / (double)shard.RangeIn(header.Total).Count;
        }
        catch (Exception e) when (e is IOException or PartialResultException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
