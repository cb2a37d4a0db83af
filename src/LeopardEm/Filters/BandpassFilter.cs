using LeopardEm.Imaging;

namespace LeopardEm.Filters;

/// <summary>
/// The bandpass of torch-fourier-filter (spec §4.5): 1 for <c>low &lt; |k| ≤ high</c>, a cosine fall-off of width
/// <see cref="Falloff"/> outside that band, 0 elsewhere. Frequencies in cycles/pixel (0.5 = Nyquist).
/// </summary>
/// <param name="Low">Low cut-off, cycles/pixel (upstream default 0).</param>
/// <param name="High">High cut-off, cycles/pixel (upstream default 1, i.e. no high cut).</param>
/// <param name="Falloff">Width of the cosine edge, cycles/pixel (0 = hard edge).</param>
public sealed record BandpassFilter(double Low = 0.0, double High = 1.0, double Falloff = 0.0)
{
    /// <summary>The filter at frequency magnitude <paramref name="q"/> (cycles/pixel).</summary>
    public float Evaluate(float q)
    {
        var low = (float)Low;
        var high = (float)High;
        var falloff = (float)Falloff;
        if (q > low && q <= high)
        {
            return 1f;
        }

        if (falloff > 0 && q > low - falloff && q <= high + falloff)
        {
            var distance = MathF.Min(MathF.Abs(q - low), MathF.Abs(q - high));
            return MathF.Cos(distance / falloff * MathF.PI / 2);
        }

        return 0f;
    }

    /// <summary>The filter on the unshifted rfft grid of a real height x width image (height x (width/2+1)).</summary>
    public float[] EvaluateRfft(int height, int width)
    {
        var magnitudes = FrequencyGrid.RfftMagnitudes(height, width);
        for (var i = 0; i < magnitudes.Length; i++)
        {
            magnitudes[i] = Evaluate(magnitudes[i]);
        }

        return magnitudes;
    }
}
