using LeopardEm.Imaging;

namespace LeopardEm.Filters;

/// <summary>
/// The whitening filter of torch-fourier-filter as Leopard-EM uses it (spec §4.3): the reciprocal of the micrograph's
/// radially averaged amplitude spectrum, normalised to a maximum of 1 at or below <c>max_freq</c> and equal to 1 above
/// it. One curve, estimated from the micrograph, filters both the micrograph and every template projection.
/// </summary>
public static class WhiteningFilter
{
    /// <summary>Upstream's automatic bin count: <c>int((max(H, W/2+1)//2 + 1)·√2 + 1)</c>, from the rfft shape.</summary>
    /// <param name="height">Image rows.</param>
    /// <param name="width">Image columns (real space).</param>
    public static int DefaultBinCount(int height, int width)
    {
        var longest = Math.Max(height, width / 2 + 1);
        return (int)((longest / 2 + 1) * Math.Sqrt(2) + 1);
    }

    /// <summary>
    /// Estimates the whitening curve from an image spectrum in the unshifted rfft layout.
    /// </summary>
    /// <param name="spectrum">height x (width/2+1) rfft of the micrograph (its DC element normally already zero).</param>
    /// <param name="height">Image rows.</param>
    /// <param name="width">Image columns (real space, even).</param>
    /// <param name="binCount">Number of radial bins between 0 and √2/2 cycles/pixel; null for
    /// <see cref="DefaultBinCount"/>.</param>
    /// <param name="maxFrequency">Bins above this frequency (cycles/pixel) pass unchanged (value 1); null for none.</param>
    /// <param name="usePowerSpectrum">Average |F|² and take the square root (true, upstream default) or average |F|.</param>
    public static RadialCurve Estimate(
        ReadOnlySpan<ComplexF> spectrum, int height, int width, int? binCount, double? maxFrequency, bool usePowerSpectrum)
    {
        var half = width / 2 + 1;
        if (spectrum.Length != height * half)
        {
            throw new ArgumentException($"Expected a {height} x {half} spectrum, got {spectrum.Length} values.", nameof(spectrum));
        }

        var bins = binCount ?? DefaultBinCount(height, width);
        if (bins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(binCount), bins, "The whitening filter needs at least two frequency bins.");
        }

        var centres = Linspace(0f, MathF.Sqrt(2f) / 2f, bins);
        var amplitude = RadialAverage(spectrum, height, width, centres, usePowerSpectrum);

        var curve = new float[bins];
        var above = new bool[bins];
        var max = 0f;
        for (var j = 0; j < bins; j++)
        {
            curve[j] = amplitude[j] == 0f ? 0f : 1f / amplitude[j];
            above[j] = maxFrequency is { } limit && centres[j] > limit;
            if (!above[j])
            {
                max = Math.Max(max, curve[j]);
            }
        }

        for (var j = 0; j < bins; j++)
        {
            curve[j] = above[j] ? 1f : max > 0 ? curve[j] / max : curve[j];
        }

        return new RadialCurve(centres, curve, outsideValue: 1f);
    }

    // Linear-interpolation binning: each rfft element (counted once) splits its power between the two neighbouring bin
    // centres, and each bin is the weighted mean of what it received (upstream's scheme, float32 accumulation replaced by
    // double, which only changes the last bits).
    private static float[] RadialAverage(
        ReadOnlySpan<ComplexF> spectrum, int height, int width, float[] centres, bool usePowerSpectrum)
    {
        var bins = centres.Length;
        var spacing = centres[1] - centres[0];
        var cutoff = centres[bins - 1] + spacing;
        var sums = new double[bins];
        var weights = new double[bins];
        var magnitudes = FrequencyGrid.RfftMagnitudes(height, width);
        for (var i = 0; i < spectrum.Length; i++)
        {
            var x = magnitudes[i];
            if (x >= cutoff)
            {
                continue;
            }

            var power = usePowerSpectrum ? spectrum[i].MagnitudeSquared : spectrum[i].Magnitude;
            var right = Numerics.SortedSearch.LowerBound<float>(centres, x); // torch bucketize
            var iL = Math.Clamp(right - 1, 0, bins - 1);
            var iR = Math.Clamp(right, 0, bins - 1);
            var wR = (x - centres[iL]) / Math.Max(centres[iR] - centres[iL], 1e-6f);
            var wL = 1f - wR;
            sums[iL] += power * wL;
            sums[iR] += power * wR;
            weights[iL] += wL;
            weights[iR] += wR;
        }

        var result = new float[bins];
        for (var j = 0; j < bins; j++)
        {
            var mean = sums[j] / (weights[j] == 0 ? 1 : weights[j]);
            result[j] = (float)(usePowerSpectrum ? Math.Sqrt(mean) : mean);
        }

        return result;
    }

    // torch's CPU linspace fills the first half forwards from start and the second half backwards from end.
    private static float[] Linspace(float start, float end, int count)
    {
        var values = new float[count];
        var step = (end - start) / (count - 1);
        for (var j = 0; j < count; j++)
        {
            values[j] = j < count / 2 ? start + step * j : end - step * (count - 1 - j);
        }

        return values;
    }
}
