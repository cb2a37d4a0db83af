using LeopardEm.Filters;
using LeopardEm.Imaging;
using LeopardEm.Tests.Fft;

namespace LeopardEm.Tests.Filters;

public class MicrographNormalizationTests
{
    public static TheoryData<string> Engines => FftTestEngines.Available;

    [Theory]
    [MemberData(nameof(Engines))]
    public void Without_bandpass_the_filtered_image_has_zero_mean_and_unit_energy(string engineName)
    {
        var fft = FftTestEngines.Get(engineName);
        const int h = 96, w = 128;
        var random = new Random(1);
        var image = new float[h * w];
        for (var i = 0; i < image.Length; i++)
        {
            image[i] = (float)(5 + random.NextDouble() + Math.Sin(i * 0.01));
        }

        var spectrum = new ComplexF[h * (w / 2 + 1)];
        fft.Forward2D(image, spectrum, h, w);
        var whitening = WhiteningFilter.Estimate(spectrum, h, w, null, 0.5, true).EvaluateRfft(h, w);
        var bandpass = Enumerable.Repeat(1f, spectrum.Length).ToArray();
        MicrographNormalization.Apply(spectrum, whitening, bandpass, h, w);

        var filtered = new float[h * w];
        fft.Inverse2D(spectrum, filtered, h, w);
        Assert.InRange(filtered.Average(v => (double)v), -1e-7, 1e-7);
        Assert.Equal(1.0, filtered.Sum(v => (double)v * v), 1e-5);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void With_bandpass_the_energy_is_the_passed_fraction(string engineName)
    {
        var fft = FftTestEngines.Get(engineName);
        const int n = 64;
        var random = new Random(2);
        var image = Enumerable.Range(0, n * n).Select(_ => (float)random.NextDouble()).ToArray();
        var spectrum = new ComplexF[n * (n / 2 + 1)];
        fft.Forward2D(image, spectrum, n, n);
        var bandpass = new BandpassFilter(0.05, 0.25, 0).EvaluateRfft(n, n);
        MicrographNormalization.Apply(spectrum, bandpass, bandpass, n, n);
        var filtered = new float[n * n];
        fft.Inverse2D(spectrum, filtered, n, n);

        // Count the passed components over the full two-sided spectrum (interior columns twice).
        double passed = 0;
        var half = n / 2 + 1;
        for (var i = 0; i < bandpass.Length; i++)
        {
            var c = i % half;
            passed += (c == 0 || c == half - 1 ? 1 : 2) * bandpass[i];
        }

        Assert.Equal(passed / (n * n), filtered.Sum(v => (double)v * v), 1e-5);
    }
}
