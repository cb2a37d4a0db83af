using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Projection;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Cuda.Search;

/// <summary>
/// The device stages of spec §7–§9 for a batch of rotations, shared by the search (frame = padded micrograph) and
/// refinement (frame = particle box): central slices → x projective filters → N x N c2r → centred, normalised,
/// zero-padded templates → frame r2c → x conj with the image spectrum → frame c2r, leaving one correlation map per
/// (orientation, plane) in <see cref="Correlations"/>, orientation-major. Every buffer is allocated once for
/// <see cref="OrientationsPerBatch"/> orientations; the transforms always run over the whole batch (a shorter last
/// batch transforms stale maps nobody reads, rather than planning new shapes mid-run).
/// </summary>
internal sealed class DeviceCorrelator : IDisposable
{
    private readonly Accelerator _accelerator;
    private readonly DeviceKernels _kernels;
    private readonly IDeviceFft _fft;
    private readonly SliceGeometry _slice;
    private readonly List<MemoryBuffer> _owned = [];
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _volume;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> _filters;
    private readonly MemoryBuffer1D<ComplexF, Stride1D.Dense> _image;
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
    /// <param name="planes">Projective filters per orientation (pixel-size planes x defocus planes).</param>
    /// <param name="frameHeight">Rows of the correlation frame.</param>
    /// <param name="frameWidth">Columns of the correlation frame (even).</param>
    /// <param name="orientationsPerBatch">Orientations per batch.</param>
    public DeviceCorrelator(
        Accelerator accelerator, DeviceKernels kernels, IDeviceFft fft, TemplateSpectrum template, SliceConvention convention,
        int planes, int frameHeight, int frameWidth, int orientationsPerBatch)
    {
        _accelerator = accelerator;
        _kernels = kernels;
        _fft = fft;
        _slice = new SliceGeometry(template.Size, convention);
        TemplateSize = template.Size;
        Planes = planes;
        FrameHeight = frameHeight;
        FrameWidth = frameWidth;
        OrientationsPerBatch = orientationsPerBatch;
        var maps = Maps;
        var n = TemplateSize;
        var length = _slice.Length;
        try
        {
            _volume = Allocate<ComplexF>(template.Data.Length);
            _volume.View.CopyFromCPU(template.Data);
            _filters = Allocate<float>((long)planes * length);
            _image = Allocate<ComplexF>(ComplexLength);
            _slices = Allocate<ComplexF>((long)orientationsPerBatch * length);
            _filtered = Allocate<ComplexF>((long)maps * length);
            _projections = Allocate<float>((long)maps * n * n);
            _padded = Allocate<float>(maps * MapLength);
            _spectra = Allocate<ComplexF>(maps * ComplexLength);
            _correlations = Allocate<float>(maps * MapLength);
            _fft.Prepare(n, n, maps);
            _fft.Prepare(frameHeight, frameWidth, maps);
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

    /// <summary>Projective filters (planes) per orientation.</summary>
    public int Planes { get; }

    /// <summary>Rows of the correlation frame.</summary>
    public int FrameHeight { get; }

    /// <summary>Columns of the correlation frame.</summary>
    public int FrameWidth { get; }

    /// <summary>Orientations per batch.</summary>
    public int OrientationsPerBatch { get; }

    /// <summary>Correlation maps per batch, orientations x planes.</summary>
    public int Maps => OrientationsPerBatch * Planes;

    /// <summary>Samples of one correlation map, frame rows x columns.</summary>
    public long MapLength => (long)FrameHeight * FrameWidth;

    /// <summary>Values of one frame half spectrum, rows x (columns/2 + 1).</summary>
    public long ComplexLength => (long)FrameHeight * (FrameWidth / 2 + 1);

    /// <summary>Name of the FFT in use.</summary>
    public string FftName => _fft.Name;

    /// <summary>The last batch's correlation maps: map <c>o·Planes + p</c> at <c>[(o·Planes + p)·MapLength ..]</c>,
    /// row-major with stride <see cref="FrameWidth"/>; element [y, x] scores the template with its top-left corner at
    /// (y, x).</summary>
    public ArrayView<float> Correlations => _correlations.View;

    /// <summary>The last batch's normalised templates in their zero-padded frames (template <c>o·Planes + p</c> at
    /// <c>[(o·Planes + p)·MapLength ..]</c>), for conformance checks.</summary>
    internal ArrayView<float> Templates => _padded.View;

    /// <summary>Device bytes that do not depend on the batch size: template spectrum, filters, image spectrum.</summary>
    public static long FixedBytes(int templateSize, int planes, int frameHeight, int frameWidth)
    {
        long length = templateSize * (templateSize / 2 + 1);
        return 8 * length * templateSize + 4 * planes * length + 8L * frameHeight * (frameWidth / 2 + 1);
    }

    /// <summary>Device bytes per orientation of a batch: its slice and, per plane, the template stages, the frame
    /// buffers and (an upper estimate of) the FFT work area.</summary>
    public static long BytesPerOrientation(int templateSize, int planes, int frameHeight, int frameWidth)
    {
        long length = templateSize * (templateSize / 2 + 1);
        long real = (long)frameHeight * frameWidth, complex = (long)frameHeight * (frameWidth / 2 + 1);
        var perMap = 8 * length + 4L * templateSize * templateSize + 4 * real + 8 * complex + 4 * real + 8 * complex;
        return 8 * length + planes * perMap;
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

    /// <summary>
    /// Queues the correlations of <paramref name="count"/> ≤ <see cref="OrientationsPerBatch"/> rotations (row-major
    /// 3x3 each, 9 floats apart in <paramref name="rotations"/>) with every plane, templates normalised for a
    /// <paramref name="normalizationHeight"/> x <paramref name="normalizationWidth"/> image.
    /// </summary>
    public void Correlate(ArrayView<float> rotations, int count, int normalizationHeight, int normalizationWidth)
    {
        if (count < 1 || count > OrientationsPerBatch || rotations.Length < 9L * count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"A batch holds 1 to {OrientationsPerBatch} rotations (9 floats each).");
        }

        var n = TemplateSize;
        var templates = count * Planes;
        _kernels.ExtractSlices(_slice, _volume.View, rotations, _slices.View, count);
        _kernels.ApplyFilters(_slices.View, _filters.View, _filtered.View, count, Planes, _slice.Length);
        _fft.Inverse(_filtered.View, _projections.View, n, n, Maps);
        _kernels.NormalizeTemplates(
            new TemplateGeometry(n, FrameHeight, FrameWidth, normalizationHeight, normalizationWidth), _projections.View, _padded.View, templates);
        _fft.Forward(_padded.View, _spectra.View, FrameHeight, FrameWidth, Maps);
        _kernels.MultiplyConjugate(_image.View, _spectra.View, ComplexLength, templates);
        _fft.Inverse(_spectra.View, _correlations.View, FrameHeight, FrameWidth, Maps);
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

    private MemoryBuffer1D<T, Stride1D.Dense> Allocate<T>(long length)
        where T : unmanaged
    {
        var buffer = _accelerator.Allocate1D<T>(Math.Max(1, length));
        _owned.Add(buffer);
        buffer.MemSetToZero();
        return buffer;
    }
}
