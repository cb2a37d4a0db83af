using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Search;

/// <summary>
/// The frame the CPU backend correlates in, prepared once per run and shared read-only by every worker: the
/// micrograph zero-padded to a 2·3·5·7-smooth <c>Height x Width</c> (so a 5760 x 4092 micrograph does not pay for
/// 4092's prime factor 31), and its spectrum with the correlation's inverse normalisation <c>1/(Height·Width)</c>
/// folded in, so the unnormalised inverse transforms of the hot loop need no scaling pass, stored column by column
/// (transposed), the layout of the hot loop's column transforms.
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
internal sealed class CorrelationFrame : IDisposable
{
    /// <summary>Pads (when the statistics region allows it) and transforms the micrograph of <paramref name="inputs"/>.</summary>
    public CorrelationFrame(SearchInputs inputs, IFftEngine fft)
    {
        int h = inputs.ImageHeight, w = inputs.ImageWidth, n = inputs.Template.Size;
        var validOnly = inputs.RegionHeight <= h - n + 1 && inputs.RegionWidth <= w - n + 1;
        Height = validOnly ? FftSize.NextSmoothEven(h) : h;
        Width = validOnly ? FftSize.NextSmoothEven(w) : w;
        ComplexWidth = Width / 2 + 1;
        using var rowMajor = new AlignedBuffer<ComplexF>((long)Height * ComplexWidth);
        var spectrum = rowMajor.Span;
        if (Height == h && Width == w)
        {
            inputs.ImageSpectrum.Span.CopyTo(spectrum);
        }
        else
        {
            Pad(inputs, fft, spectrum);
        }

        spectrum[0] = ComplexF.Zero;
        var scale = (float)(1.0 / ((double)Height * Width));
        ImageColumns = new AlignedBuffer<ComplexF>((long)Height * ComplexWidth);
        var columns = ImageColumns.Span;
        for (var r = 0; r < Height; r++)
        {
            for (var c = 0; c < ComplexWidth; c++)
            {
                columns[c * Height + r] = spectrum[r * ComplexWidth + c] * scale;
            }
        }
    }

    /// <summary>Rows of the correlation frame (≥ the micrograph's).</summary>
    public int Height { get; }

    /// <summary>Columns of the correlation frame (≥ the micrograph's).</summary>
    public int Width { get; }

    /// <summary>Width/2 + 1, the columns of the frame's half spectra.</summary>
    public int ComplexWidth { get; }

    /// <summary>Spectrum of the padded micrograph times 1/(Height·Width), DC zero, column-major: frequency row r of
    /// column c at <c>[c·Height + r]</c>.</summary>
    public AlignedBuffer<ComplexF> ImageColumns { get; }

    /// <inheritdoc />
    public void Dispose() => ImageColumns.Dispose();

    private void Pad(SearchInputs inputs, IFftEngine fft, Span<ComplexF> spectrum)
    {
        int h = inputs.ImageHeight, w = inputs.ImageWidth;
        using var original = new AlignedBuffer<ComplexF>(inputs.ImageSpectrum.Length);
        using var image = new AlignedBuffer<float>((long)h * w);
        using var padded = new AlignedBuffer<float>((long)Height * Width);
        inputs.ImageSpectrum.Span.CopyTo(original.Span);
        original.Span[0] = ComplexF.Zero;
        fft.Inverse2D(original.Span, image.Span, h, w);
        for (var y = 0; y < h; y++)
        {
            image.Span.Slice(y * w, w).CopyTo(padded.Span.Slice(y * Width, w));
        }

        fft.Forward2D(padded.Span, spectrum, Height, Width);
    }
}
