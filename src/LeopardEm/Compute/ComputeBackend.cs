using System.Globalization;
using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Compute;

/// <summary>
/// What a job computes on: the FFT engine of its preprocessing and the search and refine backends. Chosen in one place,
/// <see cref="Select"/>, from <c>--backend</c> and the YAML's <c>computational_config.gpu_ids</c>, and handed to every
/// job, so nothing reads a global default.
/// </summary>
public sealed class ComputeBackend
{
    /// <summary>Bundles the parts.</summary>
    /// <param name="fft">FFT engine for preprocessing (micrograph filters, template spectrum, box spectra).</param>
    /// <param name="search">Full-search backend.</param>
    /// <param name="refine">Local-search backend.</param>
    /// <param name="note">What the user should know about the choice (e.g. a fallback to the CPU), or null.</param>
    public ComputeBackend(IFftEngine fft, ICorrelationBackend search, IRefineBackend refine, string? note = null)
    {
        Fft = fft ?? throw new ArgumentNullException(nameof(fft));
        Search = search ?? throw new ArgumentNullException(nameof(search));
        Refine = refine ?? throw new ArgumentNullException(nameof(refine));
        Note = note;
    }

    /// <summary>FFT engine for preprocessing.</summary>
    public IFftEngine Fft { get; }

    /// <summary>Full-search backend.</summary>
    public ICorrelationBackend Search { get; }

    /// <summary>Local-search backend.</summary>
    public IRefineBackend Refine { get; }

    /// <summary>What the user should know about how the backend was chosen, or null.</summary>
    public string? Note { get; }

    /// <summary>The CPU backends on <paramref name="fft"/> (<see cref="FftEngines.Default"/> when null).</summary>
    public static ComputeBackend Cpu(IFftEngine? fft = null, string? note = null)
    {
        var engine = fft ?? FftEngines.Default;
        return new ComputeBackend(engine, new CpuCorrelationBackend(engine), new CpuRefineBackend(engine), note);
    }

    /// <summary>
    /// Chooses the backend: <see cref="BackendKind.Cpu"/> or <c>gpu_ids</c> naming only <c>cpu</c> → the CPU;
    /// <see cref="BackendKind.Cuda"/> → the CUDA devices of <c>gpu_ids</c> (<c>all</c>, indices, <c>cuda:k</c>), an
    /// error when there are none; <see cref="BackendKind.Auto"/> → those devices when present, else the CPU with a
    /// note saying so.
    /// </summary>
    /// <param name="kind">The requested kind.</param>
    /// <param name="gpuIds">The configuration's <c>gpu_ids</c>.</param>
    /// <param name="fft">CPU FFT engine (<see cref="FftEngines.Default"/> when null).</param>
    /// <param name="devices">The device backends of this build, or null when it has none.</param>
    /// <exception cref="InvalidOperationException">CUDA was asked for and cannot be used; the message says why.</exception>
    public static ComputeBackend Select(BackendKind kind, GpuIds gpuIds, IFftEngine? fft = null, IDeviceBackendFactory? devices = null)
    {
        ArgumentNullException.ThrowIfNull(gpuIds);
        var engine = fft ?? FftEngines.Default;
        var cpuOnly = gpuIds.Devices is { } names && names.All(n => n == "cpu");
        if (kind == BackendKind.Cpu || (kind == BackendKind.Auto && cpuOnly))
        {
            return Cpu(engine);
        }

        var unavailable = devices is null
            ? "this build of leopard has no GPU backend"
            : devices.Unavailable ?? (devices.DeviceCount > 0 ? null : $"no {devices.DeviceKind} device is present");
        if (unavailable is not null)
        {
            if (kind == BackendKind.Cuda)
            {
                throw new InvalidOperationException($"--backend cuda was requested, but {unavailable}. Use --backend cpu (or auto).");
            }

            return Cpu(engine, $"running on the CPU: {unavailable}.");
        }

        var indices = DeviceIndices(gpuIds, devices!.DeviceCount);
        if (indices.Count == 0)
        {
            if (kind == BackendKind.Cuda)
            {
                throw new InvalidOperationException("--backend cuda was requested, but computational_config.gpu_ids names no CUDA device.");
            }

            return Cpu(engine);
        }

        return devices.Create(indices, engine);
    }

    // cuda:k / integer k entries, checked against the devices present; cpu entries are not devices.
    private static List<int> DeviceIndices(GpuIds gpuIds, int deviceCount)
    {
        var indices = new List<int>();
        foreach (var name in gpuIds.ResolveDeviceNames(deviceCount).Where(n => n.StartsWith("cuda", StringComparison.Ordinal)))
        {
            var index = int.Parse(name.AsSpan(name.IndexOf(':') + 1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (index >= deviceCount)
            {
                throw new InvalidOperationException(
                    $"computational_config.gpu_ids names {name}, but only {deviceCount} CUDA device(s) are present (cuda:0 to cuda:{deviceCount - 1}).");
            }

            if (!indices.Contains(index))
            {
                indices.Add(index);
            }
        }

        return indices;
    }
}
