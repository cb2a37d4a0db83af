using LeopardEm.Imaging;

namespace LeopardEm.Filters;

/// <summary>
/// Replaces the phase of every Fourier component above a cut-on frequency by a random phase, keeping its amplitude:
/// removes the structure (and any template-like signal) at high resolution while keeping the noise power, a control
/// for over-fitting. Leopard-EM accepts <c>phase_randomization_filter</c> but never applies it; we apply it to the
/// micrograph spectrum. The random phases are Hermitian-consistent on the self-conjugate columns (kx = 0 and Nyquist),
/// so the real image they describe is exactly the one whose amplitudes were kept.
/// </summary>
public static class PhaseRandomization
{
    /// <summary>
    /// Randomises, in place, the phases of all components of an unshifted rfft spectrum with frequency magnitude
    /// strictly above <paramref name="cuton"/> cycles/pixel.
    /// </summary>
    /// <param name="spectrum">height x (width/2+1) half spectrum, modified in place.</param>
    /// <param name="height">Image rows.</param>
    /// <param name="width">Image columns (real space).</param>
    /// <param name="cuton">Frequency above which phases are randomised, cycles/pixel.</param>
    /// <param name="seed">Seed of the random phases: the same seed gives the same result.</param>
    public static void Apply(Span<ComplexF> spectrum, int height, int width, double cuton, int seed = 0)
    {
        var half = width / 2 + 1;
        if (spectrum.Length != height * half)
        {
            throw new ArgumentException($"Expected a {height} x {half} spectrum, got {spectrum.Length} values.", nameof(spectrum));
        }

        var magnitudes = FrequencyGrid.RfftMagnitudes(height, width);
        var random = new Random(seed);
        var limit = (float)cuton;
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < half; c++)
            {
                var i = r * half + c;
                var selfConjugateColumn = c == 0 || (width % 2 == 0 && c == half - 1);
                // In those columns the partner of row r is row (H − r): draw for the lower row, mirror to the upper.
                var partner = (height - r) % height;
                var phase = random.NextDouble() * 2 * Math.PI;
                if (magnitudes[i] <= limit || (selfConjugateColumn && partner < r))
                {
                    continue;
                }

                var amplitude = spectrum[i].Magnitude;
                if (selfConjugateColumn && partner == r)
                {
                    // A self-conjugate element must stay real: only its sign can be random.
                    spectrum[i] = new ComplexF(phase < Math.PI ? amplitude : -amplitude, 0);
                    continue;
                }

                var (sin, cos) = Math.SinCos(phase);
                spectrum[i] = new ComplexF((float)(amplitude * cos), (float)(amplitude * sin));
                if (selfConjugateColumn)
                {
                    var j = partner * half + c;
                    var partnerAmplitude = spectrum[j].Magnitude;
                    spectrum[j] = new ComplexF((float)(partnerAmplitude * cos), (float)(-partnerAmplitude * sin));
                }
            }
        }
    }
}
