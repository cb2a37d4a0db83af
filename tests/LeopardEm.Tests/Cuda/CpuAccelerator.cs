using LeopardEm.Cuda.Devices;

namespace LeopardEm.Tests.Cuda;

/// <summary>ILGPU's CPU accelerator, created once for the device tests (kernels compile once per accelerator).</summary>
public sealed class CpuAccelerator : IDisposable
{
    public DeviceSession Session { get; } = DeviceSession.CreateCpu();

    public void Dispose() => Session.Dispose();
}

/// <summary>The device tests share one CPU accelerator and run one at a time (it is not shared across threads).</summary>
[CollectionDefinition(Name)]
public sealed class CpuAcceleratorCollection : ICollectionFixture<CpuAccelerator>
{
    public const string Name = "CPU accelerator";
}
