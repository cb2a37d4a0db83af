using LeopardEm.Compute;
using LeopardEm.Cuda.Compute;

namespace LeopardEm.Cli;

/// <summary>The accelerator backends this build of <c>leopard</c> carries: CUDA, through ILGPU and cuFFT.</summary>
internal static class DeviceBackends
{
    private static readonly Lazy<CudaBackendFactory> Cuda = new(() => new CudaBackendFactory());

    /// <summary>The CUDA backend factory (it probes the driver and cuFFT on first use; its devices' contexts live until
    /// the process exits).</summary>
    public static CudaBackendFactory Factory => Cuda.Value;
}
