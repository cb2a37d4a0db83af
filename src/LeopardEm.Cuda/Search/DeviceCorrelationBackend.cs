using LeopardEm.Cuda.Devices;
using LeopardEm.Fft;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// The full search on accelerator devices (CUDA; ILGPU's CPU accelerator for tests): the run's range of global search
/// indices is split into one balanced contiguous shard per device (<see cref="SearchRange.Shard"/>), each device runs
/// its shard with a <see cref="DeviceSearchPipeline"/>, and the shards' statistics are merged in device order with
/// <see cref="SearchStatistics.Merge"/>. Shards merge exactly, so the MIP and best-index maps are those of one device
/// (bit for bit on identical devices) and the sums agree to ~1e-12 relative.
/// <para>
/// A batch holds <see cref="SearchRunOptions.OrientationBatchSize"/> orientations' maps (each with its planes in the
/// range), fewer when device memory is short; <see cref="SearchRunOptions.Threads"/> does not apply (a device runs one
/// stream). Results do not depend on either.
/// </para>
/// </summary>
public sealed class DeviceCorrelationBackend : ICorrelationBackend
{
    private readonly DeviceGroup _devices;
    private readonly IFftEngine _hostFft;
    private readonly DevicePipelineOptions _options;

    /// <summary>Creates the backend on <paramref name="devices"/>.</summary>
    /// <param name="devices">The devices (not owned).</param>
    /// <param name="hostFft">Engine for the transforms on ILGPU's CPU accelerator (<see cref="FftEngines.Default"/> when
    /// null); CUDA devices use cuFFT.</param>
    /// <param name="options">Memory limits of the batches; <see cref="DevicePipelineOptions.MaxCorrelationsPerBatch"/>
    /// is replaced by each run's orientation batch size.</param>
    public DeviceCorrelationBackend(DeviceGroup devices, IFftEngine? hostFft = null, DevicePipelineOptions? options = null)
    {
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        _hostFft = hostFft ?? FftEngines.Default;
        _options = options ?? new DevicePipelineOptions();
    }

    /// <inheritdoc />
    public string Name => _devices.Name;

    /// <inheritdoc />
    public SearchStatistics Run(SearchInputs inputs, SearchRunOptions options, IProgress<SearchProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        var range = options.RangeIn(inputs.Space);
        cancellation.ThrowIfCancellationRequested();
        var planes = inputs.Space.PixelSizeCount * inputs.Space.DefocusCount;
        var parts = Math.Min(_devices.Count, range.Count);
        var tally = new ProgressTally(progress, range.Count);
        var shards = _devices.Run(parts, (accelerator, d) =>
        {
            var shard = SearchRange.Shard(d, parts, range.Count);
            shard = shard with { Start = range.Start + shard.Start };
            var batch = (int)Math.Min((long)Math.Max(1, options.OrientationBatchSize) * planes, shard.Count);
            using var pipeline = new DeviceSearchPipeline(accelerator, inputs, _options with { MaxCorrelationsPerBatch = batch }, _hostFft);
            return pipeline.Run(shard, tally.Part(), cancellation);
        }, cancellation);

        var result = shards[0];
        foreach (var shard in shards.Skip(1))
        {
            result.Merge(shard);
        }

        return result;
    }
}
