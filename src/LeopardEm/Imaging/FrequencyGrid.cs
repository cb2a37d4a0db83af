namespace LeopardEm.Imaging;

/// <summary>
/// Spatial frequencies of discrete Fourier transform samples, in cycles per pixel (Nyquist = 0.5), following NumPy's
/// <c>fftfreq</c>/<c>rfftfreq</c>: index <c>i</c> of an axis of length <c>m</c> holds <c>i/m</c> for
/// <c>i &lt; ceil(m/2)</c>, else <c>(i − m)/m</c> (for even m the Nyquist −1/2 sits at <c>i = m/2</c>).
/// </summary>
public static class FrequencyGrid
{
    /// <summary>Frequency (cycles/pixel) of index <paramref name="i"/> of an unshifted full axis of length
    /// <paramref name="m"/>.</summary>
    public static double FftFreq(int i, int m) => (i < (m + 1) / 2 ? i : i - m) / (double)m;

    /// <summary>
    /// Magnitude <c>sqrt(ky² + kx²)</c> (cycles/pixel) of every element of the unshifted rfft layout of a real
    /// <paramref name="height"/> x <paramref name="width"/> image: <c>height x (width/2+1)</c> values, row-major, with
    /// <c>ky = fftfreq(height)[r]</c> and <c>kx = c/width</c>. Computed in float32 like the upstream filters, so
    /// boundary comparisons against cut-offs agree.
    /// </summary>
    public static float[] RfftMagnitudes(int height, int width)
    {
        var half = width / 2 + 1;
        var result = new float[height * half];
        for (var r = 0; r < height; r++)
        {
            var ky = (float)FftFreq(r, height);
            for (var c = 0; c < half; c++)
            {
                var kx = c * (1f / width);
                result[r * half + c] = MathF.Sqrt(ky * ky + kx * kx);
            }
        }

        return result;
    }
}
