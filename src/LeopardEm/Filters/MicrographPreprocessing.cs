using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Settings;

namespace LeopardEm.Filters;

/// <summary>
/// The image preprocessing of a search (spec §2 steps 2–6 and §4): forward transform with DC set to 0, filters
/// estimated from that spectrum, optional phase randomisation, then filtering and normalisation with
/// <see cref="MicrographNormalization"/>. match_template applies it to the micrograph; refine_template to the micrograph
/// (global filtering) or to each particle box (local filtering), so both see identically prepared images.
/// </summary>
public static class MicrographPreprocessing
{
    /// <summary>Transforms, filters and normalises <paramref name="image"/> into <paramref name="spectrum"/>.</summary>
    /// <param name="settings">The <c>preprocessing_filters</c> block.</param>
    /// <param name="image">Row-major real image, <paramref name="height"/> x <paramref name="width"/> (even sizes).</param>
    /// <param name="height">Image rows.</param>
    /// <param name="width">Image columns.</param>
    /// <param name="fft">FFT engine.</param>
    /// <param name="spectrum">Receives the height x (width/2+1) filtered, normalised half spectrum.</param>
    /// <returns>The filters estimated from the image, for the templates' projective filter.</returns>
    public static FilterStack Apply(
        PreprocessingFilters settings, ReadOnlySpan<float> image, int height, int width, IFftEngine fft, Span<ComplexF> spectrum)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(fft);
        // FFTW picks its SIMD plans only for 64-byte aligned arrays; transforming through aligned copies makes the result
        // independent of where the caller's arrays happen to lie, so runs are bit-reproducible.
        using (var real = new AlignedBuffer<float>(image.Length))
        using (var transformed = new AlignedBuffer<ComplexF>(spectrum.Length))
        {
            image.CopyTo(real.Span);
            fft.Forward2D(real.Span, transformed.Span, height, width);
            transformed.Span.CopyTo(spectrum);
        }

        spectrum[0] = ComplexF.Zero;
        var filters = new FilterStack(settings, spectrum, height, width);
        if (settings.PhaseRandomizationFilter is { Enabled: true, Cuton: { } cuton })
        {
            PhaseRandomization.Apply(spectrum, height, width, cuton);
        }

        MicrographNormalization.Apply(spectrum, filters.Combined(height, width), filters.Bandpass(height, width), height, width);
        return filters;
    }
}
