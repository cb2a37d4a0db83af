using LeopardEm.Cuda.Devices;

namespace LeopardEm.Tests.Cuda;

/// <summary>A fact that needs a CUDA device ILGPU supports and cuFFT; reported as skipped, with the reason, otherwise —
/// in CI too, whose machines have no GPU (the device code is checked there on ILGPU's CPU accelerator).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CudaFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(() => CudaInventory.Probe().Unavailable);

    /// <summary>Skips the test without a usable CUDA device and cuFFT.</summary>
    public CudaFactAttribute()
    {
        if (Unavailable.Value is { } reason)
        {
            Skip = $"{TestData.OnRequest.HardwarePrefix} {reason}";
        }
    }
}
