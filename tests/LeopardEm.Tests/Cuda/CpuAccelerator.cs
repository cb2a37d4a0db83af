using LeopardEm.Cuda.Devices;

namespace LeopardEm.Tests.Cuda;

/// <summary>ILGPU's CPU accelerator, created once for the device tests (kernels compile once per accelerator), and a
/// second one, on first use, for the tests that split work across two devices.</summary>
public sealed class CpuAccelerator : IDisposable
{
    private readonly Lazy<DeviceSession> _second = new(DeviceSession.CreateCpu);

    /// <summary>The first device.</summary>
    public DeviceSession Session { get; } = DeviceSession.CreateCpu();

    /// <summary>The second device.</summary>
    public DeviceSession Second => _second.Value;

    public void Dispose()
    {
        Session.Dispose();
        if (_second.IsValueCreated)
        {
            _second.Value.Dispose();
        }
    }
}

/// <summary>The device tests share the CPU accelerators and run one at a time (kernel launches use all processors).</summary>
[CollectionDefinition(Name)]
public sealed class CpuAcceleratorCollection : ICollectionFixture<CpuAccelerator>
{
    public const string Name = "CPU accelerator";
}
