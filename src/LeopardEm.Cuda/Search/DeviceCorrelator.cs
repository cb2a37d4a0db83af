using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Projection;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// The device stages of spec §7–§9 for a <see cref="MapBatch"/>, shared by the search (frame = padded micrograph) and
/// refinement (frame = particle box): central slices → x projective filters → N x N c2r → centred, normalised,
/// zero-padded templates → frame r2c → x conj with the image spectrum → frame c2r, leaving map j of the batch in
/// <see cref="Correlations"/>. Every buffer is allocated once for <see cref="MapsPerBatch"/> maps (rounded up to whole
/// FFT groups); a shorter batch transforms the whole groups it touches, so the plans never change mid-run.
/// </summary>
internal sealed class DeviceCorrelator : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly DeviceKernels _kernels;
    private readonly IDeviceFft _fft;
    private readonly SliceGeometry _slice;
    private readonly int _templateGroup;
    private readonly int _frameGroup;
    private readonly List<MemoryBuffer> _owned = [];
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _volume;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _filters;
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _image;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _rotations;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _sliceOf;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _planeOf;
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _slices;
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _filtered;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _projections;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _padded;
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _spectra;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _correlations;

    /// <summary>Allocates (zeroed) every buffer and prepares the transforms; on failure releases what it got and
    /// rethrows.</summary>
    /// <param name="accelerator">The device.</param>
    /// <param name="kernels">The device's kernels.</param>
    /// <param name="fft">The device's FFT; owned (disposed) by this instance.</param>
    /// <param name="template">The template spectrum, uploaded here.</param>
    /// <param name="convention">Slice convention.</param>
    /// <param name="planes">Projective filters (pixel-size planes x defocus planes).</param>
    /// <param name="frameHeight">Rows of the correlation frame.</param>
    /// <param name="frameWidth">Columns of the correlation frame (even).</param>
    /// <param name="mapsPerBatch">Correlation maps (and slices) per batch.</param>
    public DeviceCorrelator(
        Accelerator accelerator, DeviceKernels kernels, IDeviceFft fft, TemplateSpectrum template, SliceConvention convention,
        int planes, int frameHeight, int frameWidth, int mapsPerBatch)
    {
        _accelerator = accelerator;
        _kernels = kernels;
        _fft = fft;
        _slice = new SliceGeometry(template.Size, convention);
        TemplateSize = template.Size;
        Planes = planes;
        FrameHeight = frameHeight;
        FrameWidth = frameWidth;
        MapsPerBatch = mapsPerBatch;
        var n = TemplateSize;
        var length = _slice.Length;
        _templateGroup = fft.Granularity(n, n);
        _frameGroup = fft.Granularity(frameHeight, frameWidth);
        long templateMaps = RoundUp(mapsPerBatch, _templateGroup), frameMaps = RoundUp(mapsPerBatch, _frameGroup);
        try
        {
            _volume = Allocate<ComplexF>(template.Data.Length);
            _volume.View.CopyFromCPU(template.Data);
            _filters = Allocate<float>((long)planes * length);
            _image = Allocate<ComplexF>(ComplexLength);
            _rotations = Allocate<float>(9L * mapsPerBatch);
            _sliceOf = Allocate<int>(mapsPerBatch);
            _planeOf = Allocate<int>(mapsPerBatch);
            _slices = Allocate<ComplexF>((long)mapsPerBatch * length);
            _filtered = Allocate<ComplexF>(templateMaps * length);
            _projections = Allocate<float>(templateMaps * n * n);
            _padded = Allocate<float>(frameMaps * MapLength);
            _spectra = Allocate<ComplexF>(frameMaps * ComplexLength);
            _correlations = Allocate<float>(frameMaps * MapLength);
            _fft.Prepare(n, n);
            _fft.Prepare(frameHeight, frameWidth);
            _accelerator.Synchronize();
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Template edge N, pixels.</summary>
    public int TemplateSize { get; }

    /// <summary>Projective filters (planes).</summary>
    public int Planes { get; }

    /// <summary>Rows of the correlation frame.</summary>
    public int FrameHeight { get; }

    /// <summary>Columns of the correlation frame.</summary>
    public int FrameWidth { get; }

    /// <summary>Most maps per batch.</summary>
    public int MapsPerBatch { get; }

    /// <summary>Samples of one correlation map, frame rows x columns.</summary>
    public long MapLength => (long)FrameHeight * FrameWidth;

    /// <summary>Values of one frame half spectrum, rows x (columns/2 + 1).</summary>
    public long ComplexLength => (long)FrameHeight * (FrameWidth / 2 + 1);

    /// <summary>Name of the FFT in use.</summary>
    public string FftName => _fft.Name;

    /// <summary>The last batch's correlation maps: map j at <c>[j·MapLength ..]</c>, row-major with stride
    /// <see cref="FrameWidth"/>; element [y, x] scores the template with its top-left corner at (y, x).</summary>
    public ArrayView<float> Correlations => _correlations.View;

    /// <summary>The last batch's normalised templates in their zero-padded frames (template j at
    /// <c>[j·MapLength ..]</c>), for conformance checks.</summary>
    public ArrayView<float> Templates => _padded.View;

    /// <summary>Device bytes that do not depend on the batch size: template spectrum, filters, image spectrum, and the
    /// template stages' rounding up to whole FFT groups (at most 64 maps).</summary>
    public static long FixedBytes(int templateSize, int planes, int frameHeight, int frameWidth)
    {
        long length = templateSize * (templateSize / 2 + 1);
        return 8 * length * templateSize + 4 * planes * length + 8L * frameHeight * (frameWidth / 2 + 1)
            + 64 * (8 * length + 4L * templateSize * templateSize);
    }

    /// <summary>Device bytes per map of a batch: its slice, template stages and frame buffers.</summary>
    public static long BytesPerMap(int templateSize, int frameHeight, int frameWidth)
    {
        long length = templateSize * (templateSize / 2 + 1);
        long real = (long)frameHeight * frameWidth, complex = (long)frameHeight * (frameWidth / 2 + 1);
        return 8 * length + 8 * length + 4L * templateSize * templateSize + 4 * real + 8 * complex + 4 * real + 48;
    }

    /// <summary>Uploads the frame's image spectrum (rows x (columns/2+1), prepared: any 1/(H·W) of the correlation
    /// folded in, DC as the caller wants it).</summary>
    public void SetImage(ReadOnlySpan<ComplexF> spectrum)
    {
        if (spectrum.Length != ComplexLength)
        {
            throw new ArgumentException($"Expected {ComplexLength} spectrum values, got {spectrum.Length}.", nameof(spectrum));
        }

        _image.View.AsContiguous().CopyFromCPU(spectrum);
    }

    /// <summary>Uploads the projective filters, one per plane, each N x (N/2+1).</summary>
    public void SetFilters(IReadOnlyList<float[]> filters)
    {
        var length = _slice.Length;
        if (filters.Count != Planes || filters.Any(f => f.Length != length))
        {
            throw new ArgumentException($"Expected {Planes} filters of {length} values.", nameof(filters));
        }

        var all = new float[(long)Planes * length];
        for (var p = 0; p < Planes; p++)
        {
            filters[p].CopyTo(all, (long)p * length);
        }

        _filters.View.CopyFromCPU(all);
    }

    /// <summary>Queues the correlations of <paramref name="batch"/>, templates normalised for a
    /// <paramref name="normalizationHeight"/> x <paramref name="normalizationWidth"/> image.</summary>
    public void Correlate(MapBatch batch, int normalizationHeight, int normalizationWidth)
    {
        var maps = batch.Maps;
        if (maps < 1 || maps > MapsPerBatch)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), maps, $"A batch holds 1 to {MapsPerBatch} maps.");
        }

        var n = TemplateSize;
        _rotations.View.SubView(0, batch.Rotations.Length).AsContiguous().CopyFromCPU(batch.Rotations);
        _sliceOf.View.SubView(0, maps).AsContiguous().CopyFromCPU(batch.SliceOf);
        _planeOf.View.SubView(0, maps).AsContiguous().CopyFromCPU(batch.PlaneOf);
        _kernels.ExtractSlices(_slice, _volume.View, _rotations.View, _slices.View, batch.Slices);
        _kernels.ApplyFilters(_slices.View, _filters.View, _filtered.View, _sliceOf.View, _planeOf.View, maps, _slice.Length);
        _fft.Inverse(_filtered.View, _projections.View, n, n, (int)RoundUp(maps, _templateGroup));
        _kernels.NormalizeTemplates(
            new TemplateGeometry(n, FrameHeight, FrameWidth, normalizationHeight, normalizationWidth), _projections.View, _padded.View, maps);
        var frames = (int)RoundUp(maps, _frameGroup);
        _fft.Forward(_padded.View, _spectra.View, FrameHeight, FrameWidth, frames);
        _kernels.MultiplyConjugate(_image.View, _spectra.View, ComplexLength, maps);
        _fft.Inverse(_spectra.View, _correlations.View, FrameHeight, FrameWidth, frames);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _fft.Dispose();
        foreach (var buffer in _owned)
        {
            buffer.Dispose();
        }

        _owned.Clear();
    }

    private static long RoundUp(long count, int group) => (count + group - 1) / group * group;

    private MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(long length)
        where T : unmanaged
    {
        var buffer = _accelerator.Allocate1D<T>(Math.Max(1, length));
        _owned.Add(buffer);
        buffer.MemSetToZero();
        return buffer;
    }
}
