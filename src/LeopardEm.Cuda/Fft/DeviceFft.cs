using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using LeopardEm.Fft;

namespace LeopardEm.Cuda.Fft;

/// <summary>Chooses the <see cref="IDeviceFft"/> of an accelerator.</summary>
public static class DeviceFft
{
    /// <summary>cuFFT on a CUDA accelerator; on ILGPU's CPU accelerator, <paramref name="hostEngine"/>
    /// (<see cref="FftEngines.Default"/> when null) on the host-resident buffers.</summary>
    /// <exception cref="InvalidOperationException">cuFFT is not installed (CUDA), or the accelerator kind is not
    /// supported.</exception>
    public static IDeviceFft Create(Accelerator accelerator, IFftEngine? hostEngine = null)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        return accelerator switch
        {
            CudaAccelerator cuda => new CuFftEngine(cuda),
            CPUAccelerator cpu => new HostFftBridge(cpu, hostEngine ?? FftEngines.Default),
            _ => throw new InvalidOperationException($"No FFT for {accelerator.AcceleratorType} accelerators (CUDA and CPU are supported)."),
        };
    }
}
