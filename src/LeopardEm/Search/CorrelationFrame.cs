using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Search;

/// <summary>
/// The frame a search correlates in: the micrograph zero-padded to a 2·3·5·7-smooth even <c>Height x Width</c> (so a
/// 5760 x 4092 micrograph does not pay for 4092's prime factor 31), or the micrograph's own size when the statistics
/// region keeps circular positions. Every backend correlates in this frame, so their numbers agree.
/// <para>
/// Why padding changes nothing where statistics are kept: the circular correlation at top-left corner (y, x) is
/// <c>Σ_(u,v &lt; N) img[(y+u) mod H', (x+v) mod W'] · t[u, v]</c>. For corners of the valid region
/// (y ≤ H − N, x ≤ W − N) every y + u ≤ H − 1 and x + v ≤ W − 1, so no index wraps and only original pixels are read,
/// in either frame. The micrograph was filtered and normalised in its own H x W frame before padding, and its mean
/// is removed there (DC zeroed) before the zeros are added, so the padded image still sums to zero and zeroing the
/// padded DC subtracts nothing; the template is normalised for the original H x W (spec §9.2). Outside the valid
/// region the wrap-around differs, so a run that keeps all circular positions is not padded.
/// </para>
/// </summary>
/// <param name="Height">Rows of the frame (≥ the micrograph's).</param>
/// <param name="Width">Columns of the frame (≥ the micrograph's, even).</param>
public sealed record CorrelationFrame(int Height, int Width)
{
    /// <summary>Width/2 + 1, the columns of the frame's half spectra.</summary>
    public int ComplexWidth => Width / 2 + 1;

    /// <summary>The frame for a micrograph of <paramref name="imageHeight"/> x <paramref name="imageWidth"/> pixels, an
    /// N-pixel template and a statistics region of top-left corners: padded when the region is within the valid
    /// positions, the micrograph's own size otherwise.</summary>
    public static CorrelationFrame For(int imageHeight, int imageWidth, int templateSize, int regionHeight, int regionWidth)
    {
        var validOnly = regionHeight <= imageHeight - templateSize + 1 && regionWidth <= imageWidth - templateSize + 1;
        return validOnly
            ? new CorrelationFrame(FftSize.NextSmoothEven(imageHeight), FftSize.NextSmoothEven(imageWidth))
            : new CorrelationFrame(imageHeight, imageWidth);
    }

    /// <summary>
    /// The rfft (Height x ComplexWidth, unnormalised, DC zero) of the micrograph placed at the top-left of the frame,
    /// from the micrograph's own <paramref name="imageHeight"/> x (<paramref name="imageWidth"/>/2+1) spectrum.
    /// </summary>
    /// <param name="imageSpectrum">The micrograph's spectrum; not modified.</param>
    /// <param name="imageHeight">Micrograph rows.</param>
    /// <param name="imageWidth">Micrograph columns.</param>
    /// <param name="fft">Engine for the round trip through real space that padding needs.</param>
    public AlignedBuffer<ComplexF> Spectrum(ReadOnlySpan<ComplexF> imageSpectrum, int imageHeight, int imageWidth, IFftEngine fft)
    {
        ArgumentNullException.ThrowIfNull(fft);
        var spectrum = new AlignedBuffer<ComplexF>((long)Height * ComplexWidth);
        if (Height == imageHeight && Width == imageWidth)
        {
            imageSpectrum.CopyTo(spectrum.Span);
        }
        else
        {
            using var original = new AlignedBuffer<ComplexF>(imageSpectrum.Length);
            using var image = new AlignedBuffer<float>((long)imageHeight * imageWidth);
            using var padded = new AlignedBuffer<float>((long)Height * Width);
            imageSpectrum.CopyTo(original.Span);
            original.Span[0] = ComplexF.Zero;
            fft.Inverse2D(original.Span, image.Span, imageHeight, imageWidth);
            for (var y = 0; y < imageHeight; y++)
            {
                image.Span.Slice(y * imageWidth, imageWidth).CopyTo(padded.Span.Slice(y * Width, imageWidth));
            }

            fft.Forward2D(padded.Span, spectrum.Span, Height, Width);
        }

        spectrum.Span[0] = ComplexF.Zero;
        return spectrum;
    }
}
