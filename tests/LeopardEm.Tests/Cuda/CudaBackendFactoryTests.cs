using LeopardEm.Compute;
using LeopardEm.Cuda.Compute;
using LeopardEm.Cuda.Devices;
using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Tests.Cuda;

/// <summary>What the CUDA factory tells <see cref="ComputeBackend.Select"/> on machines without a usable device.</summary>
public sealed class CudaBackendFactoryTests
{
    private static readonly CudaDeviceInfo Old = new(0, "Tesla K10", 4L << 30, null, 8, "12.2", null);
    private static readonly CudaDeviceInfo H200 = new(1, "NVIDIA H200", 140L << 30, "9.0", 132, "13.0", "8.5");

    [Fact]
    public void Without_devices_auto_falls_back_to_the_cpu_and_cuda_fails_naming_the_reason()
    {
        using var factory = new CudaBackendFactory(() => new CudaInventory([], null, "cuFFT not found (libcufft.so.12)", "CUDA_ERROR_NO_DEVICE"));
        Assert.Equal(0, factory.DeviceCount);
        Assert.Equal("no CUDA device (CUDA_ERROR_NO_DEVICE)", factory.Unavailable);

        var auto = ComputeBackend.Select(BackendKind.Auto, GpuIds.Default, FftEngines.Managed, factory);
        Assert.IsType<CpuCorrelationBackend>(auto.Search);
        Assert.Contains("no CUDA device (CUDA_ERROR_NO_DEVICE)", auto.Note);
        var cuda = Assert.Throws<InvalidOperationException>(() => ComputeBackend.Select(BackendKind.Cuda, GpuIds.Default, FftEngines.Managed, factory));
        Assert.Contains("no CUDA device (CUDA_ERROR_NO_DEVICE)", cuda.Message);
    }

    [Fact]
    public void Unsupported_devices_and_a_missing_cufft_make_the_backend_unavailable()
    {
        using var old = new CudaBackendFactory(() => new CudaInventory([Old], "12.0.0", null, null));
        Assert.Equal("no CUDA device ILGPU supports: Tesla K10 (unknown architecture)", old.Unavailable);
        Assert.Equal(0, old.DeviceCount);

        using var noCufft = new CudaBackendFactory(() => new CudaInventory([Old, H200], null, "cuFFT not found (libcufft.so.12)", null));
        Assert.Equal("cuFFT not found (libcufft.so.12)", noCufft.Unavailable);
        Assert.Throws<InvalidOperationException>(() => noCufft.Create([1], FftEngines.Managed));
    }

    [Fact]
    public void Devices_ilgpu_cannot_compile_for_are_refused_by_index()
    {
        using var mixed = new CudaBackendFactory(() => new CudaInventory([Old, H200], "12.0.0", null, null));
        Assert.Null(mixed.Unavailable);
        Assert.Equal(2, mixed.DeviceCount);
        var refused = Assert.Throws<InvalidOperationException>(() => mixed.Create([0], FftEngines.Managed));
        Assert.Contains("CUDA device 0 (Tesla K10, compute capability unknown) is not supported", refused.Message);
        Assert.Throws<InvalidOperationException>(() => mixed.Create([2], FftEngines.Managed));
        Assert.Throws<ArgumentException>(() => mixed.Create([1, 1], FftEngines.Managed));
    }
}
