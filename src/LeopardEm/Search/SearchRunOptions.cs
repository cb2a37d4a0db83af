namespace LeopardEm.Search;

/// <summary>How a backend runs (not what it computes: results do not depend on these, except the orientation range).</summary>
public sealed record SearchRunOptions
{
    /// <summary>Worker threads (CPU) or streams (GPU); 0 = one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>Orientations handed to a worker at a time (Leopard-EM's orientation_batch_size).</summary>
    public int OrientationBatchSize { get; init; } = 16;

    /// <summary>First orientation of this run (a shard of a larger search), inclusive.</summary>
    public int OrientationStart { get; init; }

    /// <summary>Number of orientations of this run; null = to the end of the orientation list.</summary>
    public int? OrientationCount { get; init; }

    /// <summary>The effective number of threads.</summary>
    public int EffectiveThreads => Compute.ThreadCount.Resolve(Threads);
}
