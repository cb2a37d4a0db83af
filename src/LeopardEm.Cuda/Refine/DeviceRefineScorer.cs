using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Refine;

/// <summary>
/// Local refinement of particles on one device (spec §3.3), the device side of the CPU refinement: for a particle,
/// orientation offsets of the <see cref="RefineSearch"/> x every projective-filter plane are correlated with the
/// particle box (the <see cref="DeviceCorrelator"/> stages, frame = box) and scored at every crop position against the
/// full search's statistics; the best z-score comes back. Templates are normalised for the target's normalisation
/// frame; the box spectrum keeps its DC, as on the CPU. Not thread-safe: one scorer per device and thread.
/// </summary>
public sealed class DeviceRefineScorer : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly RefineSearch _search;
    private readonly DeviceKernels _kernels;
    private readonly RefineLayout _layout;
    private readonly int _planes;
    private readonly DeviceCorrelator _correlator;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _mean;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _standardDeviation;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _bestZ;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _bestCc;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _bestX;

    /// <summary>Uploads the template and allocates the batch buffers for <paramref name="search"/>.</summary>
    /// <param name="accelerator">The device (CUDA, or ILGPU's CPU accelerator).</param>
    /// <param name="search">Offsets, planes, box geometry and slice convention.</param>
    /// <param name="options">Batch sizing; defaults when null.</param>
    /// <param name="hostFft">Engine for the transforms on the CPU accelerator; <see cref="FftEngines.Default"/> when
    /// null.</param>
    /// <exception cref="InvalidOperationException">cuFFT is not installed.</exception>
    public DeviceRefineScorer(Accelerator accelerator, RefineSearch search, DevicePipelineOptions? options = null, IFftEngine? hostFft = null)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        ArgumentNullException.ThrowIfNull(search);
        options ??= new DevicePipelineOptions();
        var engine = hostFft ?? FftEngines.Default;
        _accelerator = accelerator;
        _search = search;
        using var binding = accelerator.BindScoped();
        _planes = search.DefocusOffsets.Count * search.PixelSizeOffsets.Count;
        var n = search.Template.Size;
        _layout = new RefineLayout(search.BoxHeight, search.BoxWidth, n);
        var crop = (long)_layout.CropHeight * _layout.CropWidth;
        var fixedBytes = DeviceCorrelator.FixedBytes(n, _planes, search.BoxHeight, search.BoxWidth) + 8 * crop;
        var perMap = DeviceCorrelator.BytesPerMap(n, search.BoxHeight, search.BoxWidth) + 12L * _layout.CropHeight;
        var maps = BatchSizing.Maps(
            options.MemoryBudgetBytes ?? DeviceMemory.Available(accelerator), fixedBytes, perMap,
            (int)Math.Min(options.MaxCorrelationsPerBatch, search.CorrelationsPerParticle), options);
        _kernels = DeviceKernels.For(accelerator);
        try
        {
            _mean = accelerator.Allocate1D<float>(crop);
            _standardDeviation = accelerator.Allocate1D<float>(crop);
            _correlator = BatchSizing.AllocateWithRetry(maps, batch => new DeviceCorrelator(
                accelerator, _kernels, DeviceFft.Create(accelerator, engine), search.Template, search.SliceConvention,
                _planes, search.BoxHeight, search.BoxWidth, batch));
            var rows = (long)_correlator.MapsPerBatch * _layout.CropHeight;
            _bestZ = accelerator.Allocate1D<float>(rows);
            _bestCc = accelerator.Allocate1D<float>(rows);
            _bestX = accelerator.Allocate1D<int>(rows);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Correlation maps (offset x plane) per batch.</summary>
    public int MapsPerBatch => _correlator.MapsPerBatch;

    /// <summary>
    /// The best match of <paramref name="target"/> over orientation offsets [<paramref name="firstOffset"/>,
    /// <paramref name="firstOffset"/> + <paramref name="offsetCount"/>) (offset k composed with the target's
    /// orientation as the CPU refinement does), every plane and every crop position.
    /// </summary>
    /// <param name="target">The particle: box spectrum, statistics crops, orientation, normalisation frame.</param>
    /// <param name="filters">Its projective filters, <see cref="RefineSearch.ProjectiveFilters"/>.</param>
    /// <param name="firstOffset">First orientation offset.</param>
    /// <param name="offsetCount">Number of offsets.</param>
    /// <param name="progress">Receives the correlations done in this call after each batch; may be null.</param>
    /// <param name="cancellation">Stops between batches with <see cref="OperationCanceledException"/>.</param>
    public DeviceRefineBest Score(
        RefineTarget target, IReadOnlyList<float[]> filters, int firstOffset, int offsetCount,
        IProgress<SearchProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(filters);
        var crop = _layout.CropHeight * _layout.CropWidth;
        if (target.Mean.Length != crop || target.StandardDeviation.Length != crop
            || target.BoxSpectrum.Length != _correlator.ComplexLength)
        {
            throw new ArgumentException("The particle's box spectrum or statistics crops do not match the search's sizes.", nameof(target));
        }

        if (firstOffset < 0 || offsetCount < 0 || firstOffset + offsetCount > _search.Offsets.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(offsetCount), $"Offsets [{firstOffset}, {firstOffset + offsetCount}) are outside the search's {_search.Offsets.Count}.");
        }

        using var binding = _accelerator.BindScoped();
        // 1/(H_b·W_b) folded into the box spectrum, as for the search's frame.
        var scale = (float)(1.0 / ((double)_search.BoxHeight * _search.BoxWidth));
        _correlator.SetImage(target.BoxSpectrum.Select(v => v * scale).ToArray());
        _correlator.SetFilters(filters);
        _mean.CopyFromCPU(target.Mean);
        _standardDeviation.CopyFromCPU(target.StandardDeviation);
        var best = DeviceRefineBest.None;
        var batch = new MapBatch(_correlator.MapsPerBatch);
        var total = (long)offsetCount * _planes;
        long done = 0;
        void Flush()
        {
            cancellation.ThrowIfCancellationRequested();
            _correlator.Correlate(batch, target.NormalizationHeight, target.NormalizationWidth);
            _kernels.ScoreRefineRows(
                _layout, _correlator.Correlations, batch.Maps, _mean.View, _standardDeviation.View, _bestZ.View, _bestCc.View, _bestX.View);
            best = Combine(best, batch);
            done += batch.Maps;
            batch.Clear();
            progress?.Report(new SearchProgress(done, total));
        }

        for (var k = firstOffset; k < firstOffset + offsetCount; k++)
        {
            var rotation = _search.Offsets.Compose(k, target.Orientation).ToSingle();
            for (var plane = 0; plane < _planes; plane++)
            {
                if (batch.IsFull)
                {
                    Flush();
                }

                if (plane == 0 || batch.Slices == 0)
                {
                    batch.StartSlice(rotation);
                }

                batch.AddMap(plane, k);
            }
        }

        if (batch.Maps > 0)
        {
            Flush();
        }

        return best;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _correlator?.Dispose();
        _mean?.Dispose();
        _standardDeviation?.Dispose();
        _bestZ?.Dispose();
        _bestCc?.Dispose();
        _bestX?.Dispose();
    }

    // Rows in increasing (map, row) order, maps in increasing (offset, plane) order, with a strict >: the first of
    // equal z-scores stays.
    private DeviceRefineBest Combine(DeviceRefineBest best, MapBatch batch)
    {
        var rows = batch.Maps * _layout.CropHeight;
        var z = new float[rows];
        var cc = new float[rows];
        var x = new int[rows];
        _bestZ.View.SubView(0, rows).CopyToCPU(z);
        _bestCc.View.SubView(0, rows).CopyToCPU(cc);
        _bestX.View.SubView(0, rows).CopyToCPU(x);
        for (var i = 0; i < rows; i++)
        {
            if (x[i] >= 0 && z[i] > best.Z)
            {
                var map = i / _layout.CropHeight;
                best = new DeviceRefineBest(z[i], cc[i], batch.Tags[map], batch.PlaneOf[map], i % _layout.CropHeight, x[i]);
            }
        }

        return best;
    }
}
