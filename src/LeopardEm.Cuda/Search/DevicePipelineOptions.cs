namespace LeopardEm.Cuda.Search;

/// <summary>How a device pipeline sizes its batches (not what it computes: results do not depend on these).</summary>
public sealed record DevicePipelineOptions
{
    /// <summary>Most correlation maps (orientation x pixel-size plane x defocus plane, or orientation offset x plane in
    /// a refinement) computed per batch. The search backend sets it from
    /// <see cref="LeopardEm.Search.SearchRunOptions.OrientationBatchSize"/> x planes; past a few dozen maps of a
    /// micrograph-sized frame a GPU gains nothing from larger batches, only memory use.</summary>
    public int MaxCorrelationsPerBatch { get; init; } = 64;

    /// <summary>Fraction of the device's free memory the batch buffers may take, 0 to 1.</summary>
    public double MemoryFraction { get; init; } = 0.8;

    /// <summary>Bytes always left free (for the driver, other processes and rounding in the estimate).</summary>
    public long ReservedBytes { get; init; } = 512L << 20;

    /// <summary>Memory to size batches for instead of the device's free memory, bytes (null: ask the device).</summary>
    public long? MemoryBudgetBytes { get; init; }
}
