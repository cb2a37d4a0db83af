using LeopardEm.Cuda.Devices;

namespace LeopardEm.Tests.Cuda;

/// <summary>A fact that needs a CUDA device ILGPU supports and cuFFT; reported as skipped, with the reason,
/// otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        var inventory = CudaInventory.Probe();
        if (!inventory.Devices.Any(d => d.Supported))
        {
            return inventory.Devices.Count == 0
                ? $"No CUDA device ({inventory.DriverError ?? "no NVIDIA driver or GPU visible"})."
                : $"No CUDA device ILGPU supports: {string.Join(", ", inventory.Devices.Select(d => $"{d.Name} ({d.ComputeCapability ?? "unknown"})"))}.";
        }

        return inventory.CuFftError;
    });

    /// <summary>Skips the test without a usable CUDA device and cuFFT.</summary>
    public CudaFactAttribute()
    {
        if (Unavailable.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
