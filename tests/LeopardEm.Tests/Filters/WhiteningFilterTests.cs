using LeopardEm.Filters;
using LeopardEm.Imaging;

namespace LeopardEm.Tests.Filters;

public class WhiteningFilterTests
{
    [Theory]
    [InlineData(4096, 4096, 2898)]
    [InlineData(4092, 5760, 2895)]
    [InlineData(5760, 4092, 4075)]
    [InlineData(1024, 1024, 726)]
    [InlineData(512, 512, 364)]
    [InlineData(100, 100, 73)]
    public void Default_bin_count_follows_the_rfft_shape(int height, int width, int expected)
    {
        Assert.Equal(expected, WhiteningFilter.DefaultBinCount(height, width));
    }

    [Fact]
    public void Whitening_coloured_noise_gives_a_flat_radial_spectrum_within_5_percent()
    {
        const int n = 512;
        var spectrum = ColouredNoise(n, seed: 7, colour: k => 1 / ((k + 0.02) * (k + 0.02)));
        var curve = WhiteningFilter.Estimate(spectrum, n, n, binCount: null, maxFrequency: 0.5, usePowerSpectrum: true);
        var filter = curve.EvaluateRfft(n, n);
        for (var i = 0; i < spectrum.Length; i++)
        {
            spectrum[i] *= filter[i];
        }

        // Mean power in rings of width 0.02 cycles/px from 0.02 to 0.48: every ring within 5 % of the overall mean.
        var rings = RingPowers(spectrum, n, 0.02, 0.48, 0.02);
        var mean = rings.Average();
        foreach (var ring in rings)
        {
            Assert.InRange(ring / mean, 0.95, 1.05);
        }

        // Before whitening the same rings span orders of magnitude, so the test would fail without the filter.
        var raw = RingPowers(ColouredNoise(n, seed: 7, colour: k => 1 / ((k + 0.02) * (k + 0.02))), n, 0.02, 0.48, 0.02);
        Assert.True(raw.Max() / raw.Min() > 100);
    }

    [Fact]
    public void Filter_is_at_most_one_below_max_freq_and_exactly_one_above()
    {
        const int n = 256;
        var spectrum = ColouredNoise(n, seed: 3, colour: k => 1 / (k + 0.05));
        var curve = WhiteningFilter.Estimate(spectrum, n, n, null, maxFrequency: 0.3, usePowerSpectrum: true);
        var magnitudes = FrequencyGrid.RfftMagnitudes(n, n);
        var filter = curve.EvaluateRfft(n, n);
        var sawOne = false;
        for (var i = 0; i < filter.Length; i++)
        {
            Assert.InRange(filter[i], 0f, 1f + 1e-6f);
            if (magnitudes[i] > 0.31f)
            {
                Assert.Equal(1f, filter[i]);
            }

            sawOne |= magnitudes[i] < 0.3f && filter[i] > 0.999f;
        }

        Assert.True(sawOne, "the filter must reach its maximum of 1 below max_freq");
        Assert.Equal(0f, filter[0]); // DC bin receives only the zeroed DC element
    }

    internal static ComplexF[] ColouredNoise(int n, int seed, Func<double, double> colour)
    {
        var random = new Random(seed);
        var half = n / 2 + 1;
        var magnitudes = FrequencyGrid.RfftMagnitudes(n, n);
        var spectrum = new ComplexF[n * half];
        for (var i = 1; i < spectrum.Length; i++)
        {
            var amplitude = colour(magnitudes[i]);
            spectrum[i] = new ComplexF((float)(amplitude * Gaussian(random)), (float)(amplitude * Gaussian(random)));
        }

        return spectrum;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static List<double> RingPowers(ComplexF[] spectrum, int n, double from, double to, double width)
    {
        var magnitudes = FrequencyGrid.RfftMagnitudes(n, n);
        var rings = new List<double>();
        for (var lo = from; lo < to - 1e-9; lo += width)
        {
            double sum = 0;
            var count = 0;
            for (var i = 0; i < spectrum.Length; i++)
            {
                if (magnitudes[i] >= lo && magnitudes[i] < lo + width)
                {
                    sum += spectrum[i].MagnitudeSquared;
                    count++;
                }
            }

            rings.Add(sum / count);
        }

        return rings;
    }
}
