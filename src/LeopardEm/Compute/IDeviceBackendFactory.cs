using LeopardEm.Fft;

namespace LeopardEm.Compute;

/// <summary>Makes backends on accelerator devices (implemented by the CUDA backend's assembly, so the library itself
/// does not depend on a GPU runtime).</summary>
public interface IDeviceBackendFactory
{
    /// <summary>Kind of device, for messages ("CUDA").</summary>
    string DeviceKind { get; }

    /// <summary>Number of usable devices present (0 when the runtime or driver is missing).</summary>
    int DeviceCount { get; }

    /// <summary>Why no device can be used (driver, library or device missing), or null when some can.</summary>
    string? Unavailable { get; }

    /// <summary>Backends running on the devices of <paramref name="deviceIndices"/>, one worker per device.</summary>
    /// <param name="deviceIndices">Device indices (0-based), distinct.</param>
    /// <param name="fft">The CPU FFT engine, for preprocessing and any host-side work.</param>
    ComputeBackend Create(IReadOnlyList<int> deviceIndices, IFftEngine fft);
}
