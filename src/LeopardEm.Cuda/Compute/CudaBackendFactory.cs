using LeopardEm.Compute;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Refine;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;

namespace LeopardEm.Cuda.Compute;

/// <summary>
/// The CUDA backends for <see cref="ComputeBackend.Select"/>: what the machine offers comes from
/// <see cref="CudaInventory.Probe"/> (once, on first use), and <see cref="Create"/> opens one CUDA context per requested
/// device and returns search and refine backends sharing them (one worker per device). The contexts live as long as
/// the factory (a command-line run: the process).
/// </summary>
public sealed class CudaBackendFactory : IDeviceBackendFactory, IDisposable
{
    private readonly Lazy<CudaInventory> _inventory;
    private readonly List<DeviceGroup> _groups = [];

    /// <summary>A factory probing this machine.</summary>
    public CudaBackendFactory()
        : this(CudaInventory.Probe)
    {
    }

    /// <summary>A factory over the inventory <paramref name="probe"/> returns (tests: a machine without devices).</summary>
    public CudaBackendFactory(Func<CudaInventory> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        _inventory = new Lazy<CudaInventory>(probe);
    }

    /// <summary>The machine's CUDA devices and cuFFT.</summary>
    public CudaInventory Inventory => _inventory.Value;

    /// <inheritdoc />
    public string DeviceKind => "CUDA";

    /// <inheritdoc />
    /// <remarks>Every device the driver lists (indices follow the driver's order), usable or not; 0 when the backend
    /// is <see cref="Unavailable"/>.</remarks>
    public int DeviceCount => Unavailable is null ? Inventory.Devices.Count : 0;

    /// <inheritdoc />
    public string? Unavailable => Inventory.Unavailable;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The backend is unavailable, or an index names a device ILGPU cannot
    /// compile for.</exception>
    public ComputeBackend Create(IReadOnlyList<int> deviceIndices, IFftEngine fft)
    {
        ArgumentNullException.ThrowIfNull(deviceIndices);
        ArgumentNullException.ThrowIfNull(fft);
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException($"The CUDA backend cannot run: {reason}.");
        }

        if (deviceIndices.Count == 0 || deviceIndices.Distinct().Count() != deviceIndices.Count)
        {
            throw new ArgumentException("Name one or more distinct CUDA devices.", nameof(deviceIndices));
        }

        foreach (var index in deviceIndices)
        {
            var device = index >= 0 && index < Inventory.Devices.Count
                ? Inventory.Devices[index]
                : throw new InvalidOperationException($"CUDA device {index} does not exist; devices 0 to {Inventory.Devices.Count - 1} are present.");
            if (!device.Supported)
            {
                throw new InvalidOperationException(
                    $"CUDA device {index} ({device.Name}, compute capability {device.ComputeCapability ?? "unknown"}) is not supported by ILGPU.");
            }
        }

        var sessions = new List<DeviceSession>();
        try
        {
            foreach (var index in deviceIndices)
            {
                sessions.Add(DeviceSession.CreateCuda(index));
            }
        }
        catch
        {
            sessions.ForEach(s => s.Dispose());
            throw;
        }

        var group = new DeviceGroup(sessions, owned: true);
        lock (_groups)
        {
            _groups.Add(group);
        }

        return new ComputeBackend(fft, new DeviceCorrelationBackend(group, fft), new DeviceRefineBackend(group, fft));
    }

    /// <summary>Closes the CUDA contexts of every backend created.</summary>
    public void Dispose()
    {
        lock (_groups)
        {
            _groups.ForEach(g => g.Dispose());
            _groups.Clear();
        }
    }
}
