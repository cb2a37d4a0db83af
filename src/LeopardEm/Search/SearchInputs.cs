using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// Everything a correlation backend needs, prepared once per search: the filtered and normalised micrograph spectrum in
/// the frame every backend correlates in (<see cref="CorrelationFrame"/>), the template's 3-D spectrum, one projective
/// filter per (pixel-size plane, defocus plane) and the search space. Backends only read it, so one instance serves
/// every thread and device.
/// </summary>
public sealed class SearchInputs : IDisposable
{
    private readonly float[][] _projectiveFilters;
    private readonly bool _ownsSpectrum = true;

    /// <summary>Bundles prepared search inputs and places the micrograph in its correlation frame; takes ownership of
    /// <paramref name="imageSpectrum"/>.</summary>
    /// <param name="imageHeight">Micrograph rows H.</param>
    /// <param name="imageWidth">Micrograph columns W (even).</param>
    /// <param name="imageSpectrum">H x (W/2+1) rfft of the micrograph after filtering and normalisation (spec §4.7).</param>
    /// <param name="template">The template's prepared 3-D spectrum (edge N ≤ min(H, W)).</param>
    /// <param name="projectiveFilters">P·D filters, index <c>p·D + d</c>, each N x (N/2+1) on the template's rfft
    /// grid: CTF x B-envelope x whitening x bandpass x curve.</param>
    /// <param name="space">The search space.</param>
    /// <param name="regionHeight">Rows of the statistics region (top-left corners 0..regionHeight−1).</param>
    /// <param name="regionWidth">Columns of the statistics region.</param>
    /// <param name="fft">Engine for the padding transforms (<see cref="CorrelationFrame.Spectrum"/>).</param>
    public SearchInputs(
        int imageHeight,
        int imageWidth,
        AlignedBuffer<ComplexF> imageSpectrum,
        TemplateSpectrum template,
        IReadOnlyList<float[]> projectiveFilters,
        SearchSpace space,
        int regionHeight,
        int regionWidth,
        IFftEngine fft)
    {
        ArgumentNullException.ThrowIfNull(imageSpectrum);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(projectiveFilters);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(fft);
        var n = template.Size;
        if (n > imageHeight || n > imageWidth)
        {
            throw new ArgumentException($"The template ({n} px) is larger than the micrograph ({imageWidth} x {imageHeight} px).");
        }

        if (imageSpectrum.Length != (long)imageHeight * (imageWidth / 2 + 1))
        {
            throw new ArgumentException("The image spectrum does not match the image size.", nameof(imageSpectrum));
        }

        if (projectiveFilters.Count != space.PixelSizeCount * space.DefocusCount
            || projectiveFilters.Any(f => f.Length != n * (n / 2 + 1)))
        {
            throw new ArgumentException($"Expected {space.PixelSizeCount * space.DefocusCount} projective filters of {n} x {n / 2 + 1}.", nameof(projectiveFilters));
        }

        if (regionHeight < 1 || regionWidth < 1 || regionHeight > imageHeight || regionWidth > imageWidth)
        {
            throw new ArgumentException($"The statistics region {regionWidth} x {regionHeight} does not fit the image.");
        }

        ImageHeight = imageHeight;
        ImageWidth = imageWidth;
        Frame = CorrelationFrame.For(imageHeight, imageWidth, n, regionHeight, regionWidth);
        if (Frame.Height == imageHeight && Frame.Width == imageWidth)
        {
            FrameSpectrum = imageSpectrum;
            FrameSpectrum.Span[0] = ComplexF.Zero;
        }
        else
        {
            using (imageSpectrum)
            {
                FrameSpectrum = Frame.Spectrum(imageSpectrum.Span, imageHeight, imageWidth, fft);
            }
        }

        Template = template;
        _projectiveFilters = [.. projectiveFilters];
        Space = space;
        RegionHeight = regionHeight;
        RegionWidth = regionWidth;
    }

    // A view of the first orientations of `parent`, sharing its buffers.
    private SearchInputs(SearchInputs parent, SearchSpace space)
    {
        ImageHeight = parent.ImageHeight;
        ImageWidth = parent.ImageWidth;
        Frame = parent.Frame;
        FrameSpectrum = parent.FrameSpectrum;
        Template = parent.Template;
        _projectiveFilters = parent._projectiveFilters;
        Space = space;
        RegionHeight = parent.RegionHeight;
        RegionWidth = parent.RegionWidth;
        _ownsSpectrum = false;
    }

    /// <summary>
    /// The same search restricted to its first <paramref name="orientations"/> orientations, with every plane: for
    /// timing runs (Leopard-EM's benchmark protocol times searches of n and N orientations). The view shares this
    /// instance's buffers, is valid while this instance is, and disposing it releases nothing.
    /// </summary>
    public SearchInputs ForFirstOrientations(int orientations) => new(this, Space.FirstOrientations(orientations));

    /// <summary>Micrograph rows H.</summary>
    public int ImageHeight { get; }

    /// <summary>Micrograph columns W.</summary>
    public int ImageWidth { get; }

    /// <summary>The frame the correlations are computed in.</summary>
    public CorrelationFrame Frame { get; }

    /// <summary>Spectrum of the filtered, normalised micrograph at the top-left of the frame: Frame.Height x
    /// Frame.ComplexWidth, unnormalised rfft, DC zero.</summary>
    public AlignedBuffer<ComplexF> FrameSpectrum { get; }

    /// <summary>The template spectrum.</summary>
    public TemplateSpectrum Template { get; }

    /// <summary>Projective filter of (pixel-size plane, defocus plane).</summary>
    public float[] ProjectiveFilter(int pixelSizePlane, int defocusPlane) =>
        _projectiveFilters[pixelSizePlane * Space.DefocusCount + defocusPlane];

    /// <summary>The search space.</summary>
    public SearchSpace Space { get; }

    /// <summary>Rows of the statistics region.</summary>
    public int RegionHeight { get; }

    /// <summary>Columns of the statistics region.</summary>
    public int RegionWidth { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsSpectrum)
        {
            FrameSpectrum.Dispose();
        }
    }
}
