using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Projection;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// Runs ranges of a search's orientations on one device, entirely there: per batch of orientations the
/// <see cref="DeviceCorrelator"/> stages for every (pixel size, defocus) plane, then the statistics update; only the
/// rotations go up (once per run) and the statistics come down (once, at the end). Given the inputs the CPU backend
/// gets, it computes the same numbers to float rounding: the same padded correlation frame (spec §9.3), the same
/// float32 slice, filter, normalisation and product arithmetic, double-precision sums, and the tie rule of
/// <see cref="SearchStatistics"/>, so the MIP and best-index maps do not depend on the batch size.
/// <para>
/// Batches hold as many orientations as the device's free memory allows with headroom (see
/// <see cref="DevicePipelineOptions"/>); if allocating them still runs out of memory, the batch is halved and the
/// allocation retried. Not thread-safe: one pipeline per device and thread.
/// </para>
/// </summary>
public sealed class DeviceSearchPipeline : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly SearchInputs _inputs;
    private readonly DeviceKernels _kernels;
    private readonly StatisticsLayout _layout;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _mip;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _bestIndex;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _sum;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> _sumOfSquares;
    private readonly DeviceCorrelator _correlator;

    /// <summary>Uploads the prepared inputs and allocates the batch buffers.</summary>
    /// <param name="accelerator">The device (CUDA, or ILGPU's CPU accelerator).</param>
    /// <param name="inputs">The prepared search, as the CPU backend gets it; read, not owned.</param>
    /// <param name="options">Batch sizing; defaults when null.</param>
    /// <param name="hostFft">Engine for the one-off frame preparation on the host, and for the transforms on the CPU
    /// accelerator; <see cref="FftEngines.Default"/> when null.</param>
    /// <exception cref="InvalidOperationException">cuFFT is not installed.</exception>
    public DeviceSearchPipeline(Accelerator accelerator, SearchInputs inputs, DevicePipelineOptions? options = null, IFftEngine? hostFft = null)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new DevicePipelineOptions();
        var engine = hostFft ?? FftEngines.Default;
        _accelerator = accelerator;
        _inputs = inputs;
        using var binding = accelerator.BindScoped();
        var space = inputs.Space;
        var planes = space.PixelSizeCount * space.DefocusCount;
        var (frameHeight, frameWidth, spectrum) = PrepareFrame(inputs, engine);
        var filters = new List<float[]>(planes);
        for (var p = 0; p < space.PixelSizeCount; p++)
        {
            for (var d = 0; d < space.DefocusCount; d++)
            {
                filters.Add(inputs.ProjectiveFilter(p, d));
            }
        }

        _layout = new StatisticsLayout(inputs.RegionHeight, inputs.RegionWidth, frameHeight, frameWidth, planes, space.OrientationCount);
        var n = inputs.Template.Size;
        var fixedBytes = DeviceCorrelator.FixedBytes(n, planes, frameHeight, frameWidth) + 24L * _layout.Pixels + 36L * space.OrientationCount;
        var orientations = BatchSizing.Orientations(
            options.MemoryBudgetBytes ?? DeviceMemory.Available(accelerator), fixedBytes,
            DeviceCorrelator.BytesPerOrientation(n, planes, frameHeight, frameWidth), planes, space.OrientationCount, options);
        _kernels = new DeviceKernels(accelerator);
        try
        {
            _mip = accelerator.Allocate1D<float>(_layout.Pixels);
            _bestIndex = accelerator.Allocate1D<int>(_layout.Pixels);
            _sum = accelerator.Allocate1D<double>(_layout.Pixels);
            _sumOfSquares = accelerator.Allocate1D<double>(_layout.Pixels);
            _correlator = BatchSizing.AllocateWithRetry(orientations, batch =>
            {
                var correlator = new DeviceCorrelator(
                    accelerator, _kernels, DeviceFft.Create(accelerator, engine), inputs.Template, space.SliceConvention,
                    planes, frameHeight, frameWidth, batch);
                try
                {
                    correlator.SetImage(spectrum);
                    correlator.SetFilters(filters);
                    return correlator;
                }
                catch
                {
                    correlator.Dispose();
                    throw;
                }
            });
        }
        catch
        {
            DisposeStatistics();
            throw;
        }
    }

    /// <summary>Orientations correlated per batch (each with all its planes).</summary>
    public int OrientationsPerBatch => _correlator.OrientationsPerBatch;

    /// <summary>Rows of the correlation frame (the micrograph padded to a fast FFT size when only the valid region is
    /// kept).</summary>
    public int FrameHeight => _correlator.FrameHeight;

    /// <summary>Columns of the correlation frame.</summary>
    public int FrameWidth => _correlator.FrameWidth;

    /// <summary>The FFT in use, e.g. "cuFFT 12.0.0" or "host fftw".</summary>
    public string FftName => _correlator.FftName;

    /// <summary>
    /// Correlates orientations [<paramref name="orientationStart"/>, <paramref name="orientationStart"/> +
    /// <paramref name="orientationCount"/>) with every plane and returns their statistics (a fresh accumulation per
    /// call; combine shards on the host with the tie rule).
    /// </summary>
    /// <param name="orientationStart">First orientation (row of the search's orientation list).</param>
    /// <param name="orientationCount">Number of orientations.</param>
    /// <param name="progress">Receives correlations done after each batch; may be null.</param>
    /// <param name="cancellation">Stops between batches with <see cref="OperationCanceledException"/>.</param>
    public DeviceSearchResult Run(
        int orientationStart, int orientationCount, IProgress<SearchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var space = _inputs.Space;
        if (orientationStart < 0 || orientationCount < 1 || orientationStart + orientationCount > space.OrientationCount)
        {
            throw new ArgumentOutOfRangeException(
                nameof(orientationCount),
                $"Orientations [{orientationStart}, {orientationStart + orientationCount}) are outside the search's {space.OrientationCount} orientations.");
        }

        using var binding = _accelerator.BindScoped();
        ResetStatistics();
        using var deviceRotations = _accelerator.Allocate1D(
            RotationPacking.Pack([.. Enumerable.Range(orientationStart, orientationCount).Select(space.Rotation)]));
        var batch = _correlator.OrientationsPerBatch;
        var total = (long)orientationCount * _layout.Planes;
        for (var first = 0; first < orientationCount; first += batch)
        {
            cancellation.ThrowIfCancellationRequested();
            var count = Math.Min(batch, orientationCount - first);
            _correlator.Correlate(
                deviceRotations.View.AsContiguous().SubView(9L * first, 9L * count), count, _inputs.ImageHeight, _inputs.ImageWidth);
            _kernels.AccumulateStatistics(
                _layout, _correlator.Correlations, count, orientationStart + first, _mip.View, _bestIndex.View, _sum.View, _sumOfSquares.View);
            _accelerator.Synchronize();
            progress?.Report(new SearchProgress((long)(first + count) * _layout.Planes, total));
        }

        return new DeviceSearchResult(
            _layout.RegionHeight, _layout.RegionWidth, _mip.GetAsArray1D(), _bestIndex.GetAsArray1D(), _sum.GetAsArray1D(),
            _sumOfSquares.GetAsArray1D(), total);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _correlator.Dispose();
        DisposeStatistics();
    }

    // The frame the CPU backend correlates in (CorrelationFrame: padded to a fast size when only the valid region is
    // kept, 1/(H·W) folded in, DC 0), back in row-major order.
    private static (int Height, int Width, ComplexF[] Spectrum) PrepareFrame(SearchInputs inputs, IFftEngine engine)
    {
        using var frame = new CorrelationFrame(inputs, engine);
        int height = frame.Height, complexWidth = frame.ComplexWidth;
        var columns = frame.ImageColumns.Span;
        var spectrum = new ComplexF[(long)height * complexWidth];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < complexWidth; c++)
            {
                spectrum[r * complexWidth + c] = columns[c * height + r];
            }
        }

        return (height, frame.Width, spectrum);
    }

    private void ResetStatistics()
    {
        var mip = new float[_layout.Pixels];
        Array.Fill(mip, float.NegativeInfinity);
        var best = new int[_layout.Pixels];
        Array.Fill(best, -1);
        _mip.CopyFromCPU(mip);
        _bestIndex.CopyFromCPU(best);
        _sum.MemSetToZero();
        _sumOfSquares.MemSetToZero();
    }

    // Also called from the constructor, when allocation may have stopped part way.
    private void DisposeStatistics()
    {
        _mip?.Dispose();
        _bestIndex?.Dispose();
        _sum?.Dispose();
        _sumOfSquares?.Dispose();
    }
}
