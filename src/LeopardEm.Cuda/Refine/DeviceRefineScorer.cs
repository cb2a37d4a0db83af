using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Projection;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Cuda.Refine;

/// <summary>
/// Local refinement of particles on one device (spec §3.3), the device side of the CPU refinement: for a particle,
/// every orientation offset of the <see cref="RefineSearch"/> x every projective-filter plane is correlated with the
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
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _rotations;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _mean;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _standardDeviation;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _bestZ;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _bestCc;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _bestX;

    /// <summary>Uploads the template and allocates the batch buffers for <paramref name="search"/>.</summary>
    /// <param name="accelerator">The device (CUDA, or ILGPU's CPU accelerator).</param>
    /// <param name="search">Offsets and box geometry.</param>
    /// <param name="options">Batch sizing; defaults when null.</param>
    /// <param name="hostFft">Engine for the transforms on the CPU accelerator; <see cref="FftEngines.Default"/> when
    /// null.</param>
    /// <param name="convention">Slice convention (the CPU refinement uses <see cref="SliceConvention.Exact"/>).</param>
    /// <exception cref="InvalidOperationException">cuFFT is not installed.</exception>
    public DeviceRefineScorer(
        Accelerator accelerator, RefineSearch search, DevicePipelineOptions? options = null, IFftEngine? hostFft = null,
        SliceConvention convention = SliceConvention.Exact)
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
        var offsets = search.Offsets.Count;
        var crop = (long)_layout.CropHeight * _layout.CropWidth;
        var fixedBytes = DeviceCorrelator.FixedBytes(n, _planes, search.BoxHeight, search.BoxWidth) + 36L * offsets + 8 * crop;
        var perOrientation = DeviceCorrelator.BytesPerOrientation(n, _planes, search.BoxHeight, search.BoxWidth) + 12L * _planes * _layout.CropHeight;
        var orientations = BatchSizing.Orientations(
            options.MemoryBudgetBytes ?? DeviceMemory.Available(accelerator), fixedBytes, perOrientation, _planes, offsets, options);
        _kernels = new DeviceKernels(accelerator);
        try
        {
            _rotations = accelerator.Allocate1D<float>(9L * offsets);
            _mean = accelerator.Allocate1D<float>(crop);
            _standardDeviation = accelerator.Allocate1D<float>(crop);
            _correlator = BatchSizing.AllocateWithRetry(orientations, batch => new DeviceCorrelator(
                accelerator, _kernels, DeviceFft.Create(accelerator, engine), search.Template, convention,
                _planes, search.BoxHeight, search.BoxWidth, batch));
            var rows = (long)_correlator.Maps * _layout.CropHeight;
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

    /// <summary>Orientation offsets correlated per batch (each with all its planes).</summary>
    public int OrientationsPerBatch => _correlator.OrientationsPerBatch;

    /// <summary>
    /// The best match of <paramref name="target"/> over every orientation offset (offset k composed with the target's
    /// orientation as the CPU refinement does), every plane and every crop position.
    /// </summary>
    /// <param name="target">The particle: box spectrum, statistics crops, orientation, normalisation frame.</param>
    /// <param name="filters">Its projective filters, index pixel-size offset · D + defocus offset, each
    /// N x (N/2+1): CTF at the particle's defocus + offset x the template filter.</param>
    public DeviceRefineBest Score(RefineTarget target, IReadOnlyList<float[]> filters)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(filters);
        var crop = _layout.CropHeight * _layout.CropWidth;
        if (target.Mean.Length != crop || target.StandardDeviation.Length != crop
            || target.BoxSpectrum.Length != _correlator.ComplexLength)
        {
            throw new ArgumentException("The particle's box spectrum or statistics crops do not match the search's sizes.", nameof(target));
        }

        using var binding = _accelerator.BindScoped();
        var scale = (float)(1.0 / ((double)_search.BoxHeight * _search.BoxWidth));
        _correlator.SetImage(target.BoxSpectrum.Select(v => v * scale).ToArray());
        _correlator.SetFilters(filters);
        _mean.CopyFromCPU(target.Mean);
        _standardDeviation.CopyFromCPU(target.StandardDeviation);
        var offsets = _search.Offsets.Count;
        _rotations.CopyFromCPU(RotationPacking.Pack(
            [.. Enumerable.Range(0, offsets).Select(k => _search.Offsets.Compose(k, target.Orientation).ToSingle())]));
        var best = DeviceRefineBest.None;
        var batch = _correlator.OrientationsPerBatch;
        for (var first = 0; first < offsets; first += batch)
        {
            var count = Math.Min(batch, offsets - first);
            var maps = count * _planes;
            _correlator.Correlate(
                _rotations.View.AsContiguous().SubView(9L * first, 9L * count), count, target.NormalizationHeight, target.NormalizationWidth);
            _kernels.ScoreRefineRows(
                _layout, _correlator.Correlations, maps, _mean.View, _standardDeviation.View, _bestZ.View, _bestCc.View, _bestX.View);
            best = Combine(best, first, maps);
        }

        return best;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _correlator?.Dispose();
        _rotations?.Dispose();
        _mean?.Dispose();
        _standardDeviation?.Dispose();
        _bestZ?.Dispose();
        _bestCc?.Dispose();
        _bestX?.Dispose();
    }

    // Rows in increasing (map, row) order with a strict >: the first of equal z-scores stays.
    private DeviceRefineBest Combine(DeviceRefineBest best, int firstOffset, int maps)
    {
        var rows = maps * _layout.CropHeight;
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
                best = new DeviceRefineBest(z[i], cc[i], firstOffset + map / _planes, map % _planes, i % _layout.CropHeight, x[i]);
            }
        }

        return best;
    }
}
