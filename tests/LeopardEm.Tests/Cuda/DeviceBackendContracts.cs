using LeopardEm.Cuda.Compute;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Refine;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Tests.Search;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Cuda;

/// <summary>The full-search contract on the device backend, on one ILGPU CPU accelerator with the host FFT bridge.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class IlgpuCpuCorrelationBackendTests(CpuAccelerator cpu, ITestOutputHelper log) : CorrelationBackendContract(log)
{
    /// <inheritdoc />
    protected override ICorrelationBackend Create() => new DeviceCorrelationBackend(new DeviceGroup([cpu.Session]), FftEngines.Default);
}

/// <summary>The full-search contract on the device backend over two ILGPU CPU accelerators: every run is split into
/// one shard per device and merged, and must give one device's maps.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class IlgpuCpuTwoDeviceCorrelationBackendTests(CpuAccelerator cpu, ITestOutputHelper log) : CorrelationBackendContract(log)
{
    /// <inheritdoc />
    protected override ICorrelationBackend Create() =>
        new DeviceCorrelationBackend(new DeviceGroup([cpu.Session, cpu.Second]), FftEngines.Default);
}

/// <summary>The refine contract on the device backend over two ILGPU CPU accelerators (each particle's offsets split
/// between them), in batches of 5 maps so that offsets straddle batches.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class IlgpuCpuRefineBackendTests(CpuAccelerator cpu) : RefineBackendContract
{
    /// <inheritdoc />
    protected override IRefineBackend Create() => new DeviceRefineBackend(
        new DeviceGroup([cpu.Session, cpu.Second]), FftEngines.Default, new DevicePipelineOptions { MaxCorrelationsPerBatch = 5 });
}

/// <summary>The full-search contract on CUDA device 0 (skipped, even in CI, without one).</summary>
[HardwareBackend]
public sealed class CudaCorrelationBackendTests(ITestOutputHelper log) : CorrelationBackendContract(log)
{
    /// <summary>Why CUDA cannot run here, or null.</summary>
    public static string? Unavailable => CudaDevices.Unavailable;

    /// <inheritdoc />
    protected override ICorrelationBackend Create() => CudaDevices.Backend.Search;
}

/// <summary>The refine contract on CUDA device 0 (skipped, even in CI, without one).</summary>
[HardwareBackend]
public sealed class CudaRefineBackendTests : RefineBackendContract
{
    /// <summary>Why CUDA cannot run here, or null.</summary>
    public static string? Unavailable => CudaDevices.Unavailable;

    /// <inheritdoc />
    protected override IRefineBackend Create() => CudaDevices.Backend.Refine;
}

/// <summary>The CUDA backends of device 0, made once per test run.</summary>
internal static class CudaDevices
{
    private static readonly CudaBackendFactory Factory = new();
    private static readonly Lazy<LeopardEm.Compute.ComputeBackend> Lazy = new(() => Factory.Create([0], FftEngines.Default));

    /// <summary>Why CUDA cannot run here, or null.</summary>
    public static string? Unavailable => Factory.Unavailable;

    /// <summary>The backends.</summary>
    public static LeopardEm.Compute.ComputeBackend Backend => Lazy.Value;
}
