using LeopardEm.Fft;
using LeopardEm.Filters;
using LeopardEm.Imaging;
using LeopardEm.Search;
using LeopardEm.Settings;

namespace LeopardEm.Particles;

/// <summary>
/// The reusable core of every local search (Leopard-EM's <c>core_refine_template</c> setup, spec other_programs
/// §2.5–2.6 and §3.2): prepares each particle's micrograph once (with global filtering: filtered and normalised exactly
/// as match_template does, so correlations are on the full search's scale), then cuts each particle's box (reflect
/// padding) and its crops of the full search's mean and standard-deviation maps (mean 0 / std 1e10 outside the maps,
/// so edge positions never win) and turns them into a <see cref="RefineTarget"/>.
/// </summary>
public sealed class ParticleBoxes
{
    // Outside the statistics maps the z-score is (CC − 0)/1e10 ≈ 0 (spec §2.5), so edge positions never win.
    private const float OutsideStandardDeviation = 1e10f;

    private readonly RefineSearch _search;
    private readonly PreprocessingFilters _filters;
    private readonly bool _globalFiltering;
    private readonly Func<string, Image2D> _images;
    private readonly IFftEngine _fft;
    private readonly Dictionary<string, PreparedMicrograph> _micrographs = new(StringComparer.Ordinal);

    /// <summary>Sets up the extraction.</summary>
    /// <param name="search">Box geometry and offsets of the local search.</param>
    /// <param name="filters">The preprocessing filters (whitening, bandpass, curve).</param>
    /// <param name="globalFiltering">Filter each whole micrograph once (Leopard-EM's <c>apply_global_filtering</c>,
    /// default) rather than each box on its own.</param>
    /// <param name="images">Loads an image by the path a particle names (micrograph, mean map, std map).</param>
    /// <param name="fft">FFT engine for the filtering and box spectra.</param>
    public ParticleBoxes(RefineSearch search, PreprocessingFilters filters, bool globalFiltering, Func<string, Image2D> images, IFftEngine fft)
    {
        _search = search ?? throw new ArgumentNullException(nameof(search));
        _filters = filters ?? throw new ArgumentNullException(nameof(filters));
        _globalFiltering = globalFiltering;
        _images = images ?? throw new ArgumentNullException(nameof(images));
        _fft = fft ?? throw new ArgumentNullException(nameof(fft));
    }

    /// <summary>Number of distinct micrographs prepared so far.</summary>
    public int MicrographCount => _micrographs.Count;

    /// <summary>
    /// Prepares every particle's micrograph and checks each particle can be refined (positive pixel sizes over all
    /// offsets, box and crops overlapping the images), so a bad table stops the job before the long part.
    /// </summary>
    /// <param name="particles">The particles.</param>
    /// <param name="sourceName">The table's name, for messages.</param>
    /// <exception cref="FormatException">A particle cannot be refined (the message names it).</exception>
    public void Check(IReadOnlyList<StackParticle> particles, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(particles);
        var smallestOffset = _search.PixelSizeOffsets.Min();
        foreach (var particle in particles)
        {
            if (!(particle.NominalPixelSize > 0) || !(particle.PixelSize > 0))
            {
                throw new FormatException(
                    $"{sourceName}: particle {particle.Row} has pixel size {particle.PixelSize} Å (nominal pixel_size " +
                    $"{particle.NominalPixelSize} Å); both must be positive numbers of Å.");
            }

            if (!(particle.PixelSize + smallestOffset > 0))
            {
                throw new FormatException(
                    $"{sourceName}: particle {particle.Row} has pixel size {particle.PixelSize} Å (nominal " +
                    $"{particle.NominalPixelSize} Å); with the pixel-size offsets down to {smallestOffset} Å it must stay positive.");
            }

            int top = particle.Y - _search.StartY, left = particle.X - _search.StartX;
            if (!BoxExtraction.Overlaps(Micrograph(particle).Image, top, left, _search.BoxHeight, _search.BoxWidth)
                || !BoxExtraction.Overlaps(_images(particle.CorrelationAveragePath), top, left, _search.CropHeight, _search.CropWidth)
                || !BoxExtraction.Overlaps(_images(particle.CorrelationStandardDeviationPath), top, left, _search.CropHeight, _search.CropWidth))
            {
                throw new FormatException(
                    $"{sourceName}: particle {particle.Row} at (x {particle.X}, y {particle.Y}) lies outside its micrograph or statistics maps.");
            }
        }
    }

    /// <summary>
    /// Particle <paramref name="particle"/> ready for a local search: its box spectrum, template filter, CTF (absolute
    /// defocus), pixel sizes, starting orientation and statistics crops.
    /// </summary>
    public RefineTarget Target(StackParticle particle)
    {
        ArgumentNullException.ThrowIfNull(particle);
        int top = particle.Y - _search.StartY, left = particle.X - _search.StartX;
        int boxHeight = _search.BoxHeight, boxWidth = _search.BoxWidth;
        var micrograph = Micrograph(particle);

        // Aligned buffers keep FFTW on the same plans in every run (see MicrographPreprocessing).
        using var box = new AlignedBuffer<float>(boxHeight * boxWidth);
        using var spectrum = new AlignedBuffer<ComplexF>(boxHeight * (boxWidth / 2 + 1));
        BoxExtraction.Extract(micrograph.Image, top, left, boxHeight, boxWidth, PaddingMode.Reflect, 0f, box.Span);
        float[] templateFilter;
        int normalizationHeight, normalizationWidth;
        if (micrograph.TemplateFilter is { } global)
        {
            _fft.Forward2D(box.Span, spectrum.Span, boxHeight, boxWidth);
            templateFilter = global;
            (normalizationHeight, normalizationWidth) = (micrograph.Image.Height, micrograph.Image.Width);
        }
        else
        {
            var filters = MicrographPreprocessing.Apply(_filters, box.Span, boxHeight, boxWidth, _fft, spectrum.Span);
            var n = _search.Template.Size;
            templateFilter = filters.Combined(n, n);
            (normalizationHeight, normalizationWidth) = (boxHeight, boxWidth);
        }

        var mean = BoxExtraction.Extract(
            _images(particle.CorrelationAveragePath), top, left, _search.CropHeight, _search.CropWidth, PaddingMode.Constant);
        var deviation = BoxExtraction.Extract(
            _images(particle.CorrelationStandardDeviationPath), top, left, _search.CropHeight, _search.CropWidth,
            PaddingMode.Constant, OutsideStandardDeviation);
        return new RefineTarget(
            spectrum.Span.ToArray(), templateFilter, particle.Ctf, particle.NominalPixelSize, particle.PixelSize,
            particle.Orientation, mean, deviation, normalizationHeight, normalizationWidth);
    }

    private PreparedMicrograph Micrograph(StackParticle particle)
    {
        if (!_micrographs.TryGetValue(particle.MicrographPath, out var prepared))
        {
            _micrographs[particle.MicrographPath] = prepared = Prepare(particle.MicrographPath);
        }

        return prepared;
    }

    private PreparedMicrograph Prepare(string path)
    {
        var raw = _images(path);
        SampleChecks.RequireSearchable(raw, "the micrograph", path);
        int h = raw.Height, w = raw.Width;
        if (h % 2 != 0 || w % 2 != 0)
        {
            throw new FormatException(
                $"The micrograph '{path}' is {w} x {h} px; width and height must be even (Leopard-EM drops the last column of odd widths).");
        }

        if (!_globalFiltering)
        {
            return new PreparedMicrograph(raw, null);
        }

        using var spectrum = new AlignedBuffer<ComplexF>((long)h * (w / 2 + 1));
        using var real = new AlignedBuffer<float>((long)h * w);
        var filters = MicrographPreprocessing.Apply(_filters, raw.Data, h, w, _fft, spectrum.Span);
        _fft.Inverse2D(spectrum.Span, real.Span, h, w);
        var filtered = new Image2D(h, w, real.Span.ToArray());
        var n = _search.Template.Size;
        return new PreparedMicrograph(filtered, filters.Combined(n, n));
    }

    // A micrograph ready for box extraction: filtered and normalised with its template filter (global filtering), or
    // raw with a null filter (each box is filtered on its own).
    private sealed record PreparedMicrograph(Image2D Image, float[]? TemplateFilter);
}
