using LeopardEm.Demo;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Orientations;
using LeopardEm.Settings;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Demo;

public class SyntheticMicrographTests
{
    private const int Size = 256;
    private static readonly Volume3D Template = DemoTemplate.Create(32);

    private static readonly OpticsGroup Optics = SampleSettings.Optics;

    [Fact]
    public void White_noise_has_zero_mean_and_unit_variance()
    {
        var image = SyntheticMicrograph.Generate(Template, Optics, Size, Size, [], SyntheticNoise.White, seed: 1);
        var mean = image.Data.Average(v => (double)v);
        var variance = image.Data.Average(v => (v - mean) * (v - mean));
        // 65,536 samples: the standard error of the variance is sqrt(2/65536) ≈ 0.0055.
        Assert.Equal(0, mean, 0.02);
        Assert.Equal(1, variance, 0.03);
    }

    [Fact]
    public void Coloured_noise_follows_its_power_spectrum()
    {
        var noise = new SyntheticNoise(LowFrequencyExcess: 20, CornerFrequency: 0.04);
        var image = SyntheticMicrograph.Generate(Template, Optics, Size, Size, [], noise, seed: 2);
        var spectrum = new ComplexF[Size * (Size / 2 + 1)];
        FftEngines.Managed.Forward2D(image.Data, spectrum, Size, Size);
        foreach (var (low, high) in new[] { (0.02, 0.06), (0.06, 0.12), (0.3, 0.45) })
        {
            var (measured, expected) = BandPower(spectrum, noise, low, high);
            // At least 300 coefficients per band (standard error ≤ 6 %): 15 % is over two and a half standard errors.
            Assert.True(Math.Abs(measured / expected - 1) < 0.15, $"band {low}-{high}: power {measured:F2}, expected {expected:F2}");
        }
    }

    [Fact]
    public void A_planted_copy_has_the_requested_signal_to_noise_ratio_and_stays_in_its_box()
    {
        var particle = new PlantedParticle(100, 140, new EulerAngles(30, 60, 90), RelativeDefocus: 200, SignalToNoise: 12);
        var empty = SyntheticMicrograph.Generate(Template, Optics, Size, Size, [], SyntheticNoise.White, seed: 3);
        var planted = SyntheticMicrograph.Generate(Template, Optics, Size, Size, [particle], SyntheticNoise.White, seed: 3);
        double energy = 0;
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                var copy = planted[y, x] - empty[y, x];
                var inBox = y >= particle.Y - 16 && y < particle.Y + 16 && x >= particle.X - 16 && x < particle.X + 16;
                if (!inBox)
                {
                    Assert.Equal(0f, copy);
                }

                energy += copy * copy;
            }
        }

        // With white noise of variance 1 the matched-filter SNR is the copy's Euclidean norm.
        Assert.Equal(12, Math.Sqrt(energy), 1e-3);
    }

    [Fact]
    public void A_copy_that_leaves_the_micrograph_is_rejected()
    {
        var particle = new PlantedParticle(10, 140, EulerAngles.Zero, 0, 10);
        var error = Assert.Throws<ArgumentException>(() =>
            SyntheticMicrograph.Generate(Template, Optics, Size, Size, [particle], SyntheticNoise.White, seed: 4));
        Assert.Contains("(10, 140)", error.Message);
    }

    // Mean |F|²/(H·W) over the coefficients with |k| in [low, high) cycles/pixel, and the mean of P(|k|) there.
    private static (double Measured, double Expected) BandPower(ComplexF[] spectrum, SyntheticNoise noise, double low, double high)
    {
        var half = Size / 2 + 1;
        double measured = 0, expected = 0;
        var count = 0;
        for (var r = 0; r < Size; r++)
        {
            var ky = FrequencyGrid.FftFreq(r, Size);
            for (var c = 1; c < half - 1; c++)
            {
                var k = Math.Sqrt(ky * ky + c * c / (double)(Size * Size));
                if (k >= low && k < high)
                {
                    var value = spectrum[r * half + c];
                    measured += (value.Re * (double)value.Re + value.Im * (double)value.Im) / (Size * Size);
                    expected += noise.RelativePower(k);
                    count++;
                }
            }
        }

        return (measured / count, expected / count);
    }
}
