using System.Runtime.CompilerServices;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Search;

/// <summary>
/// Turns one central slice into a normalised real-space template and cross-correlates it with an image spectrum
/// (spec §9): slice x projective filter → irfft → centred → <see cref="ProjectionNormalizer"/> → zero-padded into the
/// top-left of the image frame → rfft → x conj → irfft. Owns its aligned buffers, so each thread needs its own.
/// Shared by the full search (frame = micrograph) and refinement (frame = particle box).
/// </summary>
internal sealed class TemplateCorrelator : IDisposable
{
    private readonly IFftEngine _fft;
    private readonly int _n;
    private readonly int _h;
    private readonly int _w;
    private readonly ProjectionTemplate _template;
    private readonly AlignedBuffer<float> _padded;
    private readonly AlignedBuffer<ComplexF> _spectrum;
    private readonly AlignedBuffer<float> _correlation;

    /// <param name="templateSize">Template edge N, pixels.</param>
    /// <param name="frameHeight">Rows H of the image the template is correlated with (≥ N).</param>
    /// <param name="frameWidth">Columns W of that image (≥ N).</param>
    /// <param name="fft">FFT engine.</param>
    public TemplateCorrelator(int templateSize, int frameHeight, int frameWidth, IFftEngine fft)
    {
        _fft = fft;
        _n = templateSize;
        _h = frameHeight;
        _w = frameWidth;
        _template = new ProjectionTemplate(_n, fft);
        // Only the top-left N x N block is ever written, so the rest of the padded frame stays zero.
        _padded = new AlignedBuffer<float>((long)_h * _w);
        _spectrum = new AlignedBuffer<ComplexF>((long)_h * (_w / 2 + 1));
        _correlation = new AlignedBuffer<float>((long)_h * _w);
    }

    /// <summary>
    /// Builds the template of <paramref name="slice"/> (N x (N/2+1), unshifted, from
    /// <see cref="FourierSlicer.ExtractForSearch(TemplateSpectrum, ReadOnlySpan{float}, Span{ComplexF}, SliceConvention)"/>)
    /// filtered by <paramref name="filter"/>, normalised to unit variance when zero-padded to
    /// <paramref name="normalizationHeight"/> x <paramref name="normalizationWidth"/> pixels.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void MakeTemplate(ReadOnlySpan<ComplexF> slice, ReadOnlySpan<float> filter, int normalizationHeight, int normalizationWidth)
    {
        var centred = _template.Build(slice, filter, normalizationHeight, normalizationWidth);
        var padded = _padded.Span;
        for (var y = 0; y < _n; y++)
        {
            centred.Slice(y * _n, _n).CopyTo(padded.Slice(y * _w, _n));
        }
    }

    /// <summary>
    /// Circular cross-correlation of <paramref name="image"/> (H x (W/2+1) rfft of the frame) with the last template:
    /// irfft(F_img · conj(F_tpl)). Element [y, x] of the returned H x W map (row stride W) scores the template with its
    /// top-left corner at (y, x). The span stays valid until the next call.
    /// </summary>
    /// <remarks>
    /// Leopard-EM also sets the padded template's DC to 0. With a micrograph, whose DC is already 0, that changes
    /// nothing; with a particle box cut from the filtered micrograph it would subtract (template sum / box area) x (box
    /// sum) from every score. Keeping the DC makes a box's scores equal the micrograph's wherever the template lies
    /// inside the box.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<float> Correlate(ReadOnlySpan<ComplexF> image)
    {
        var spectrum = _spectrum.Span;
        _fft.Forward2D(_padded.Span, spectrum, _h, _w);
        ConjugateProduct.MultiplyInto(image, spectrum);

        var correlation = _correlation.Span;
        _fft.Inverse2D(spectrum, correlation, _h, _w);
        return correlation;
    }

    public void Dispose()
    {
        _template.Dispose();
        _padded.Dispose();
        _spectrum.Dispose();
        _correlation.Dispose();
    }
}
