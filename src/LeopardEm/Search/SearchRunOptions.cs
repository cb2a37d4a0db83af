namespace LeopardEm.Search;

/// <summary>How a backend runs (not what it computes: results do not depend on these, except the range).</summary>
public sealed record SearchRunOptions
{
    /// <summary>Worker threads (CPU) or streams (GPU); 0 = one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Orientations handed to a worker at a time (Leopard-EM's orientation_batch_size).</summary>
    public int OrientationBatchSize { get; init; } = 16;

    /// <summary>The part of the search to run (a shard, a checkpoint interval); null = the whole search.</summary>
    public SearchRange? Range { get; init; }

    /// <summary>The effective number of threads.</summary>
    public int EffectiveThreads => Compute.ThreadCount.Resolve(Threads);

    /// <summary>The range to run in <paramref name="space"/>, checked.</summary>
    public SearchRange RangeIn(SearchSpace space)
    {
        var range = Range ?? SearchRange.Whole(space);
        range.ThrowIfOutside(space.Total);
        return range;
    }
}
