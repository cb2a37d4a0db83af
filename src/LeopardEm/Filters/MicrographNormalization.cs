using LeopardEm.Imaging;

namespace LeopardEm.Filters;

/// <summary>
/// Filters and scales the micrograph spectrum as Leopard-EM's <c>preprocess_image</c> (spec §4.7): after multiplying by
/// the combined filter, the spectrum is scaled so that the real-space image has zero mean and
/// <c>Σ f² = D/(H·W)</c>, where D is the bandpass "dimensionality" (the number of full-spectrum components it passes;
/// D = H·W without a bandpass). A template with <c>Σ t² = H·W</c> then gives noise correlations of unit variance.
/// </summary>
public static class MicrographNormalization
{
    /// <summary>
    /// Sets DC to 0, multiplies by <paramref name="filter"/> and normalises, in place.
    /// </summary>
    /// <param name="spectrum">height x (width/2+1) unshifted rfft of the micrograph, modified in place.</param>
    /// <param name="filter">Combined filter (whitening x bandpass x curve) on the same grid.</param>
    /// <param name="bandpass">The bandpass alone on the same grid (all ones when disabled).</param>
    /// <param name="height">Image rows.</param>
    /// <param name="width">Image columns (real space, even).</param>
    public static void Apply(Span<ComplexF> spectrum, ReadOnlySpan<float> filter, ReadOnlySpan<float> bandpass, int height, int width)
    {
        var half = width / 2 + 1;
        if (spectrum.Length != height * half || filter.Length != spectrum.Length || bandpass.Length != spectrum.Length)
        {
            throw new ArgumentException($"Spectrum, filter and bandpass must all be {height} x {half}.");
        }

        spectrum[0] = ComplexF.Zero;
        for (var i = 0; i < spectrum.Length; i++)
        {
            spectrum[i] *= filter[i];
        }

        var energy = FullSpectrumSum(spectrum, half, static z => z.MagnitudeSquared);
        var dimensionality = FullSpectrumSum(bandpass, half, static b => b);
        if (!(energy > 0))
        {
            throw new InvalidOperationException("The filtered micrograph has no power: is the image constant, or the filter zero?");
        }

        var scale = (float)Math.Sqrt(dimensionality / energy);
        for (var i = 0; i < spectrum.Length; i++)
        {
            spectrum[i] *= scale;
        }
    }

    // Sum over the full (two-sided) spectrum from its half: interior columns stand for themselves and their conjugate
    // mirror, so they count twice; column 0 and the last column (Nyquist for even widths) once, as upstream.
    private static double FullSpectrumSum<T>(ReadOnlySpan<T> half, int columns, Func<T, double> value)
    {
        var sum = 0.0;
        for (var i = 0; i < half.Length; i++)
        {
            var c = i % columns;
            var weight = c == 0 || c == columns - 1 ? 1.0 : 2.0;
            sum += weight * value(half[i]);
        }

        return sum;
    }
}
