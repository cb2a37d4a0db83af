using LeopardEm.Imaging;
using LeopardEm.Optics;

namespace LeopardEm.Tests.Optics;

public class CtfTests
{
    private static readonly CtfParameters SpecOptics = new(
        DefocusU: 5200, DefocusV: 4950, AstigmatismAngle: 25, VoltageKv: 300,
        SphericalAberrationMm: 2.7, AmplitudeContrast: 0.07, PhaseShiftDegrees: 0, BFactor: 60);

    [Theory]
    [InlineData(300, 0.0196874890)]
    [InlineData(200, 0.0250793405)]
    [InlineData(100, 0.0370143661)]
    public void Wavelength_matches_relativistic_values(double kv, double expected)
    {
        Assert.Equal(expected, ElectronWavelength.Angstrom(kv), 1e-8);
    }

    [Fact]
    public void Wavelength_at_300kV_is_0_019687_to_1e_5()
    {
        Assert.InRange(ElectronWavelength.Angstrom(300), 0.019687 - 1e-5, 0.019687 + 1e-5);
    }

    // Spec §8.3 test vectors (independent float64 implementation; upstream float32 agrees to ~1e-5).
    [Theory]
    [InlineData(0, 0, 0, 0.0700000)]
    [InlineData(0, 0, 1, 0.0710748)]
    [InlineData(0, 1, 0, 0.0710423)]
    [InlineData(0, 0, 10, 0.1764296)]
    [InlineData(0, 10, 0, 0.1731257)]
    [InlineData(0, 7, 13, 0.2996927)]
    [InlineData(0, 100, 50, 0.1645684)]
    [InlineData(0, 256, 0, 0.0207715)]
    [InlineData(0, 0, 256, -0.0355215)]
    [InlineData(0, 300, 200, -0.0107090)]
    [InlineData(0, 511, 255, -0.0348557)]
    [InlineData(-1200, 0, 10, 0.1517033)]
    [InlineData(-1200, 7, 13, 0.2474956)]
    [InlineData(-1200, 100, 50, -0.1604474)]
    public void Ctf_matches_spec_vectors(double relative, int row, int col, double expected)
    {
        const int n = 512;
        var ctf = new float[n * (n / 2 + 1)];
        Ctf.EvaluateRfft(SpecOptics, relative, 1.06, n, ctf);
        Assert.Equal(expected, ctf[row * (n / 2 + 1) + col], 1e-5);
    }

    [Fact]
    public void Value_at_dc_is_the_amplitude_contrast_term()
    {
        var optics = SpecOptics with { AmplitudeContrast = 0.1, PhaseShiftDegrees = 20 };
        var ctf = new float[64 * 33];
        Ctf.EvaluateRfft(optics, 0, 1.0, 64, ctf);
        var expected = Math.Sin(20 * Math.PI / 180 + Math.Atan(0.1 / Math.Sqrt(1 - 0.01)));
        Assert.Equal(expected, ctf[0], 1e-6);
    }

    [Fact]
    public void Zeros_of_a_non_astigmatic_ctf_sit_at_the_analytic_frequencies()
    {
        // With Cs = 0, ac = 0, no phase: CTF = sin(πλΔf k²) vanishes at k² = m/(λΔf).
        const int n = 4096;
        const double pixel = 1.0;
        var optics = new CtfParameters(20000, 20000, 0, 300, SphericalAberrationMm: 0, AmplitudeContrast: 0);
        var ctf = new float[n * (n / 2 + 1)];
        Ctf.EvaluateRfft(optics, 0, pixel, n, ctf);
        var lambda = ElectronWavelength.Angstrom(300);
        for (var m = 1; m <= 4; m++)
        {
            var kZero = Math.Sqrt(m / (lambda * 20000)); // 1/Å
            var column = kZero * pixel * n; // fractional column index along ky = 0
            var c0 = (int)Math.Floor(column);
            // Sign change across the analytic zero, and both neighbours small relative to the oscillation amplitude.
            Assert.True(ctf[c0] * ctf[c0 + 1] <= 0, $"zero {m}: no sign change between columns {c0} and {c0 + 1}");
            Assert.True(Math.Abs(ctf[c0]) < 0.1 && Math.Abs(ctf[c0 + 1]) < 0.1);
            // Its exact position by linear interpolation is within a tenth of a column of the analytic one.
            var located = c0 + ctf[c0] / (ctf[c0] - ctf[c0 + 1]);
            Assert.InRange(located, column - 0.1, column + 0.1);
        }
    }

    [Fact]
    public void Larger_defocus_lies_along_the_astigmatism_angle()
    {
        // Along the direction of the larger defocus, the first zero comes at a lower frequency. Find the first zero along
        // two perpendicular directions (α and α + 90°) by sampling the analytic CTF through the grid code path.
        const int n = 1024;
        foreach (var angle in new[] { 0.0, 30.0, 90.0 })
        {
            var optics = new CtfParameters(15000, 10000, angle, 300, SphericalAberrationMm: 0, AmplitudeContrast: 0);
            var along = FirstZeroRadius(optics, angle, n);
            var across = FirstZeroRadius(optics, angle + 90, n);
            var lambda = ElectronWavelength.Angstrom(300);
            Assert.Equal(Math.Sqrt(1 / (lambda * 15000)), along, 0.02 * along);
            Assert.Equal(Math.Sqrt(1 / (lambda * 10000)), across, 0.02 * across);
        }
    }

    [Fact]
    public void Pixel_size_offset_scales_cs_by_the_fourth_power()
    {
        var scaled = SpecOptics.WithPixelSizeOffset(1.0, 0.1);
        Assert.Equal(2.7 / Math.Pow(1.1, 4), scaled.SphericalAberrationMm, 12);
    }

    // Walks outwards along a direction (degrees from +kx towards +ky) on a 1 Å/px grid and returns the radius (1/Å) of
    // the first sign change, sampling the nearest grid elements of the rfft layout.
    private static double FirstZeroRadius(CtfParameters optics, double directionDegrees, int n)
    {
        var half = n / 2 + 1;
        var ctf = new float[n * half];
        Ctf.EvaluateRfft(optics, 0, 1.0, n, ctf);
        var (sin, cos) = Math.SinCos(directionDegrees * Math.PI / 180);
        if (cos < 0)
        {
            // Friedel: the rfft half holds only kx >= 0; CTF(k) = CTF(−k).
            sin = -sin;
            cos = -cos;
        }

        double previous = ctf[0];
        for (var step = 1; step < n / 2; step++)
        {
            var kx = (int)Math.Round(step * cos);
            var ky = (int)Math.Round(step * sin);
            var row = ((ky % n) + n) % n;
            double value = ctf[row * half + kx];
            if (value * previous < 0)
            {
                return Math.Sqrt(kx * kx + ky * ky) / (double)n;
            }

            previous = value;
        }

        throw new InvalidOperationException("no zero found");
    }
}
