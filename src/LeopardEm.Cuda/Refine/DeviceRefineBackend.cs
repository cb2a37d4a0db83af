using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Refine;

/// <summary>
/// Local refinement on accelerator devices (CUDA; ILGPU's CPU accelerator for tests): particles one after another,
/// each particle's orientation offsets split into one contiguous part per device, each part scored by a
/// <see cref="DeviceRefineScorer"/>; the parts' best candidates combine with the CPU refinement's rule (higher z-score;
/// ties to the lowest offset, plane and position), so results do not depend on the number of devices. The thread
/// count does not apply (a device runs one stream).
/// </summary>
public sealed class DeviceRefineBackend : IRefineBackend
{
    private readonly DeviceGroup _devices;
    private readonly IFftEngine _hostFft;
    private readonly DevicePipelineOptions _options;

    /// <summary>Creates the backend on <paramref name="devices"/>.</summary>
    /// <param name="devices">The devices (not owned).</param>
    /// <param name="hostFft">Engine for the transforms on ILGPU's CPU accelerator (<see cref="FftEngines.Default"/> when
    /// null); CUDA devices use cuFFT.</param>
    /// <param name="options">Batch sizing (maps of offset x plane per batch, memory limits); defaults when null.</param>
    public DeviceRefineBackend(DeviceGroup devices, IFftEngine? hostFft = null, DevicePipelineOptions? options = null)
    {
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        _hostFft = hostFft ?? FftEngines.Default;
        _options = options ?? new DevicePipelineOptions();
    }

    /// <inheritdoc />
    public string Name => _devices.Name;

    /// <inheritdoc />
    public IReadOnlyList<ParticleRefinement> Run(
        RefineSearch search, int particleCount, Func<int, RefineTarget> targets, int threads,
        IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(targets);
        var offsets = search.Offsets.Count;
        var parts = Math.Min(_devices.Count, offsets);
        var scorers = new DeviceRefineScorer?[parts];
        var results = new List<ParticleRefinement>(particleCount);
        try
        {
            // Scorers are made on their devices' threads, as they are used.
            for (var i = 0; i < particleCount; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                var target = targets(i);
                var filters = search.ProjectiveFilters(target);
                var tally = new ProgressTally(progress, particleCount * search.CorrelationsPerParticle, i * search.CorrelationsPerParticle);
                var bests = _devices.Run(parts, (accelerator, d) =>
                {
                    var first = (int)((long)d * offsets / parts);
                    var last = (int)((long)(d + 1) * offsets / parts);
                    scorers[d] ??= new DeviceRefineScorer(accelerator, search, _options, _hostFft);
                    return scorers[d]!.Score(target, filters, first, last - first, tally.Part(), cancellation);
                }, cancellation);
                var best = bests.Aggregate(DeviceRefineBest.None, (a, b) => a.Better(b));
                var defocusCount = search.DefocusOffsets.Count;
                results.Add(search.Result(
                    target, best.Offset, best.Plane / defocusCount, best.Plane % defocusCount, best.Y, best.X, best.Cc, best.Z));
            }
        }
        finally
        {
            foreach (var scorer in scorers)
            {
                scorer?.Dispose();
            }
        }

        return results;
    }
}
