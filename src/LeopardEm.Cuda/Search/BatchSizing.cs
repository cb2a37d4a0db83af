using LeopardEm.Cuda.Devices;

namespace LeopardEm.Cuda.Search;

/// <summary>Chooses how many orientations a device batch holds: as many as the memory estimate allows, up to the
/// correlation cap; an allocation that still fails for lack of device memory halves the batch and tries again.</summary>
internal static class BatchSizing
{
    /// <summary>
    /// Orientations per batch: the most whose buffers (<paramref name="bytesPerOrientation"/> each) fit
    /// <c>available·fraction − reserved − fixed</c>, at most <see cref="DevicePipelineOptions.MaxCorrelationsPerBatch"/>/planes and
    /// <paramref name="orientations"/>, at least 1.
    /// </summary>
    public static int Orientations(
        long availableBytes, long fixedBytes, long bytesPerOrientation, int planes, int orientations, DevicePipelineOptions options)
    {
        var usable = (long)(availableBytes * Math.Clamp(options.MemoryFraction, 0, 1)) - options.ReservedBytes - fixedBytes;
        var fit = usable / Math.Max(1, bytesPerOrientation);
        var cap = Math.Max(1, options.MaxCorrelationsPerBatch / Math.Max(1, planes));
        return (int)Math.Clamp(Math.Min(fit, Math.Min(cap, orientations)), 1, int.MaxValue);
    }

    /// <summary>
    /// Calls <paramref name="allocate"/> with <paramref name="orientations"/>, halving it after each out-of-memory
    /// failure (<see cref="DeviceMemory.IsOutOfMemory"/>) until it succeeds or fails with a single orientation.
    /// <paramref name="allocate"/> must release what it allocated before it throws.
    /// </summary>
    public static T AllocateWithRetry<T>(int orientations, Func<int, T> allocate)
    {
        for (var batch = Math.Max(1, orientations); ; batch = Math.Max(1, batch / 2))
        {
            try
            {
                return allocate(batch);
            }
            catch (Exception ex) when (batch > 1 && DeviceMemory.IsOutOfMemory(ex))
            {
                // Retry with half the batch.
            }
        }
    }
}
