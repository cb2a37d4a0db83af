using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Fft;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// Runs ranges of a search on one device, entirely there: per batch of correlation maps the
/// <see cref="DeviceCorrelator"/> stages, then the statistics update; only a few bytes per map go up (rotations,
/// planes, global indices) and the statistics come down once per run. Given the inputs the CPU backend gets, it
/// computes the same numbers to float rounding: the frame of <see cref="SearchInputs.Frame"/> with the spectrum of
/// <see cref="SearchInputs.FrameSpectrum"/>, the same float32 slice, filter, normalisation and product arithmetic,
/// double-precision sums, and the tie rule of <see cref="SearchStatistics"/>.
/// <para>
/// Maps run orientation by orientation, each with its planes inside the range (<see cref="SearchRange.PlanesOf"/>),
/// and every map's values and its place in each pixel's sums are the same whatever the batch size, so the MIP and
/// best-index maps are identical for every batch size and split of the search, and the sums for every batch size.
/// Batches hold <see cref="DevicePipelineOptions.MaxCorrelationsPerBatch"/> maps, fewer when the device's free memory
/// does not allow them; if allocating still runs out of memory, the batch is halved and the allocation retried. Not
/// thread-safe: one pipeline per device and thread.
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
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _globalIndex;
    private readonly DeviceCorrelator _correlator;

    /// <summary>Uploads the prepared inputs and allocates the batch buffers.</summary>
    /// <param name="accelerator">The device (CUDA, or ILGPU's CPU accelerator).</param>
    /// <param name="inputs">The prepared search, as the CPU backend gets it; read, not owned.</param>
    /// <param name="options">Batch sizing; defaults when null.</param>
    /// <param name="hostFft">Engine for the transforms on the CPU accelerator; <see cref="FftEngines.Default"/> when
    /// null.</param>
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
        var frame = inputs.Frame;
        var planes = space.PixelSizeCount * space.DefocusCount;
        var filters = Enumerable.Range(0, planes).Select(k => inputs.ProjectiveFilter(k / space.DefocusCount, k % space.DefocusCount)).ToList();
        _layout = new StatisticsLayout(inputs.RegionHeight, inputs.RegionWidth, frame.Height, frame.Width);
        var n = inputs.Template.Size;
        var fixedBytes = DeviceCorrelator.FixedBytes(n, planes, frame.Height, frame.Width) + 24L * _layout.Pixels;
        var maps = BatchSizing.Maps(
            options.MemoryBudgetBytes ?? DeviceMemory.Available(accelerator), fixedBytes,
            DeviceCorrelator.BytesPerMap(n, frame.Height, frame.Width), Math.Min(options.MaxCorrelationsPerBatch, space.Total), options);
        _kernels = DeviceKernels.For(accelerator);
        try
        {
            _mip = accelerator.Allocate1D<float>(_layout.Pixels);
            _bestIndex = accelerator.Allocate1D<int>(_layout.Pixels);
            _sum = accelerator.Allocate1D<double>(_layout.Pixels);
            _sumOfSquares = accelerator.Allocate1D<double>(_layout.Pixels);
            var spectrum = ScaledSpectrum(inputs);
            _correlator = BatchSizing.AllocateWithRetry(maps, batch =>
            {
                var correlator = new DeviceCorrelator(
                    accelerator, _kernels, DeviceFft.Create(accelerator, engine), inputs.Template, space.SliceConvention,
                    planes, frame.Height, frame.Width, batch);
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
            _globalIndex = accelerator.Allocate1D<int>(_correlator.MapsPerBatch);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Correlation maps per batch.</summary>
    public int MapsPerBatch => _correlator.MapsPerBatch;

    /// <summary>Rows of the correlation frame.</summary>
    public int FrameHeight => _correlator.FrameHeight;

    /// <summary>Columns of the correlation frame.</summary>
    public int FrameWidth => _correlator.FrameWidth;

    /// <summary>The FFT in use, e.g. "cuFFT 12.0.0" or "host fftw".</summary>
    public string FftName => _correlator.FftName;

    /// <summary>
    /// Correlates the global search indices of <paramref name="range"/> and returns their statistics (a fresh
    /// accumulation per call; statistics of disjoint ranges combine with <see cref="SearchStatistics.Merge"/>).
    /// </summary>
    /// <param name="range">Global search indices to run.</param>
    /// <param name="progress">Receives the range's correlations done after each batch; may be null.</param>
    /// <param name="cancellation">Stops between batches with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty or leaves the search.</exception>
    public SearchStatistics Run(SearchRange range, IProgress<SearchProgress>? progress = null, CancellationToken cancellation = default)
    {
        var space = _inputs.Space;
        range.ThrowIfOutside(space.Total);
        using var binding = _accelerator.BindScoped();
        ResetStatistics();
        var batch = new MapBatch(_correlator.MapsPerBatch);
        long done = 0;
        void Flush()
        {
            cancellation.ThrowIfCancellationRequested();
            _correlator.Correlate(batch, _inputs.ImageHeight, _inputs.ImageWidth);
            _globalIndex.View.SubView(0, batch.Maps).AsContiguous().CopyFromCPU(batch.Tags);
            _kernels.AccumulateStatistics(
                _layout, _correlator.Correlations, _globalIndex.View, batch.Maps, _mip.View, _bestIndex.View, _sum.View, _sumOfSquares.View);
            _accelerator.Synchronize();
            done += batch.Maps;
            batch.Clear();
            progress?.Report(new SearchProgress(done, range.Count));
        }

        for (var o = 0; o < space.OrientationCount; o++)
        {
            var (first, last) = range.PlanesOf(o, space);
            for (var k = first; k <= last; k++)
            {
                if (batch.IsFull)
                {
                    Flush();
                }

                // An orientation split between two batches has its slice extracted in both.
                if (k == first || batch.Slices == 0)
                {
                    batch.StartSlice(space.Rotation(o));
                }

                batch.AddMap(k, space.GlobalIndex(k / space.DefocusCount, k % space.DefocusCount, o));
            }
        }

        if (batch.Maps > 0)
        {
            Flush();
        }

        return new SearchStatistics(
            _layout.RegionHeight, _layout.RegionWidth, _mip.GetAsArray1D(), _bestIndex.GetAsArray1D(), _sum.GetAsArray1D(),
            _sumOfSquares.GetAsArray1D(), done);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _correlator?.Dispose();
        _mip?.Dispose();
        _bestIndex?.Dispose();
        _sum?.Dispose();
        _sumOfSquares?.Dispose();
        _globalIndex?.Dispose();
    }

    // The frame spectrum times the correlation's inverse normalisation 1/(Height·Width) (as the CPU backend folds it
    // in), so the unnormalised inverse transforms need no scaling pass.
    private static ComplexF[] ScaledSpectrum(SearchInputs inputs)
    {
        var frame = inputs.Frame;
        var scale = (float)(1.0 / ((double)frame.Height * frame.Width));
        var source = inputs.FrameSpectrum.Span;
        var spectrum = new ComplexF[source.Length];
        for (var i = 0; i < spectrum.Length; i++)
        {
            spectrum[i] = source[i] * scale;
        }

        return spectrum;
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
}
