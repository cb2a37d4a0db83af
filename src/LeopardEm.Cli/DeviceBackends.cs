using LeopardEm.Compute;
using LeopardEm.Cuda.Compute;
using LeopardEm.Fft;

namespace LeopardEm.Cli;

/// <summary>The accelerator backends this build of <c>leopard</c> carries: CUDA, through ILGPU and cuFFT.</summary>
internal static class DeviceBackends
{
    private static readonly Lazy<CudaBackendFactory> Cuda = new(() => new CudaBackendFactory());

    /// <summary>The backend for <c>--backend</c> and a configuration's <c>gpu_ids</c>, with a note when the CPU runs on
    /// the managed FFT because FFTW could not be loaded (said once, before the run, so a slow run is explained).</summary>
    public static ComputeBackend Select(BackendKind kind, LeopardEm.Settings.GpuIds gpuIds)
    {
        var backend = ComputeBackend.Select(kind, gpuIds, FftEngines.Default, Factory);
        if (backend.Fft is not ManagedFftEngine || FftEngines.FftwUnavailableReason is not { } why)
        {
            return backend;
        }

        var fallback = $"the CPU uses the managed FFT engine, about 1.5x slower than FFTW, because FFTW could not be loaded ({why}); " +
                       "install libfftw3-single3 for full speed.";
        return new ComputeBackend(backend.Fft, backend.Search, backend.Refine, backend.Note is { } note ? note + " " + fallback : fallback);
    }

    /// <summary>The CUDA backend factory (it probes the driver and cuFFT on first use; its devices' contexts live until
    /// the process exits).</summary>
    public static CudaBackendFactory Factory => Cuda.Value;
}
