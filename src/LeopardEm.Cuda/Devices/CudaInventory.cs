using ILGPU;
using ILGPU.Runtime.Cuda;
using LeopardEm.Cuda.Fft;

namespace LeopardEm.Cuda.Devices;

/// <summary>What this machine offers the CUDA backend: its devices and cuFFT (for <c>leopard info</c>).</summary>
/// <param name="Devices">CUDA devices, in ILGPU's order (empty without a driver or GPU).</param>
/// <param name="CuFftVersion">cuFFT version "major.minor.patch", or null when it cannot be loaded.</param>
/// <param name="CuFftError">Why cuFFT cannot be loaded, or null.</param>
/// <param name="DriverError">Why the CUDA driver could not be queried (it failed to initialise), or null; a
/// machine without the driver simply has no devices.</param>
public sealed record CudaInventory(IReadOnlyList<CudaDeviceInfo> Devices, string? CuFftVersion, string? CuFftError, string? DriverError)
{
    /// <summary>Why the CUDA backend cannot run here (no driver or GPU, no device ILGPU can compile for, no cuFFT), or
    /// null when it can.</summary>
    public string? Unavailable
    {
        get
        {
            if (Devices.Count == 0)
            {
                return $"no CUDA device ({DriverError ?? "no NVIDIA driver or GPU visible to this process"})";
            }

            if (!Devices.Any(d => d.Supported))
            {
                return $"no CUDA device ILGPU supports: {string.Join(", ", Devices.Select(d => $"{d.Name} ({d.ComputeCapability ?? "unknown architecture"})"))}";
            }

            return CuFftError;
        }
    }

    /// <summary>Queries the CUDA driver (through ILGPU) and cuFFT. Never throws for a missing or failing driver or
    /// library: an empty device list, <see cref="DriverError"/> and <see cref="CuFftError"/> say so.</summary>
    public static CudaInventory Probe()
    {
        var version = CuFftLibrary.TryGetVersion(out var cufftError);
        CudaDriverLibrary.EnsureResolvable();
        try
        {
            using var context = Context.Create(builder => builder.Cuda());
            var cudaDevices = context.GetCudaDevices();
            var devices = new CudaDeviceInfo[cudaDevices.Count];
            for (var i = 0; i < devices.Length; i++)
            {
                var device = cudaDevices[i];
                devices[i] = new CudaDeviceInfo(
                    i,
                    device.Name,
                    device.MemorySize,
                    device.Architecture is { } architecture ? $"{architecture.Major}.{architecture.Minor}" : null,
                    device.NumMultiprocessors,
                    $"{device.DriverVersion.Major}.{device.DriverVersion.Minor}",
                    device.InstructionSet is { } isa ? $"{isa.Major}.{isa.Minor}" : null);
            }

            return new CudaInventory(devices, version, cufftError, null);
        }
        catch (Exception ex) when (ex is CudaException or DllNotFoundException or TypeInitializationException or NotSupportedException)
        {
            return new CudaInventory([], version, cufftError, ex.Message);
        }
    }
}
