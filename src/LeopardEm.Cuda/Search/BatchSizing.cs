using LeopardEm.Cuda.Devices;

namespace LeopardEm.Cuda.Search;

/// <summary>Chooses how many correlation maps a device batch holds: as many as the memory estimate allows, up to the
/// caller's cap; an allocation that still fails for lack of device memory halves the batch and tries again.</summary>
internal static class BatchSizing
{
    /// <summary>
    /// Maps per batch: the most whose buffers (<paramref name="bytesPerMap"/> each) fit
    /// <c>available·fraction − reserved − fixed</c>, at most <paramref name="maxMaps"/>, at least 1.
    /// </summary>
    public static int Maps(long availableBytes, long fixedBytes, long bytesPerMap, int maxMaps, DevicePipelineOptions options)
    {
        var usable = (long)(availableBytes * Math.Clamp(options.MemoryFraction, 0, 1)) - options.ReservedBytes - fixedBytes;
        var fit = usable / Math.Max(1, bytesPerMap);
        return (int)Math.Clamp(Math.Min(fit, maxMaps), 1, int.MaxValue);
    }

    /// <summary>
    /// Calls <paramref name="allocate"/> with <paramref name="maps"/>, halving it after each out-of-memory failure
    /// (<see cref="DeviceMemory.IsOutOfMemory"/>) until it succeeds or fails with a single map.
    /// <paramref name="allocate"/> must release what it allocated before it throws.
    /// </summary>
    public static T AllocateWithRetry<T>(int maps, Func<int, T> allocate)
    {
        for (var batch = Math.Max(1, maps); ; batch = Math.Max(1, batch / 2))
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
