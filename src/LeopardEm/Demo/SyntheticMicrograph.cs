using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Programs;
using LeopardEm.Projection;
using LeopardEm.Settings;

namespace LeopardEm.Demo;

/// <summary>
/// Synthetic micrographs with known content: copies of a template at given positions, orientations and defoci, in
/// Gaussian noise. Each copy is made the way the search makes its templates (central slice with
/// <see cref="SliceConvention.Exact"/>, contrast flip, CTF of the optics group at the copy's defocus, inverse FFT,
/// centred in an N x N box), then scaled to the copy's matched-filter signal-to-noise ratio
/// <c>SNR² = Σ_k |S(k)|² / (N²·P(k))</c> over the box's frequencies, with P the noise power relative to its white
/// floor of variance 1 (<see cref="SyntheticNoise"/>): for white noise simply the Euclidean norm of the copy.
/// </summary>
public static class SyntheticMicrograph
{
    /// <summary>Generates the micrograph. The same arguments always give the same image.</summary>
    /// <param name="template">Cubic template volume, even edge N.</param>
    /// <param name="optics">Optics of the micrograph (pixel size, CTF parameters, mean defocus).</param>
    /// <param name="height">Rows H (even, ≥ N).</param>
    /// <param name="width">Columns W (even, ≥ N).</param>
    /// <param name="particles">Copies to plant; each box must lie inside the image. Overlapping copies add.</param>
    /// <param name="noise">The noise spectrum.</param>
    /// <param name="seed">Seed of the noise.</param>
    /// <param name="fft">FFT engine (<see cref="FftEngines.Default"/> when null).</param>
    public static Image2D Generate(
        Volume3D template,
        OpticsGroup optics,
        int height,
        int width,
        IReadOnlyList<PlantedParticle> particles,
        SyntheticNoise noise,
        int seed,
        IFftEngine? fft = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(optics);
        ArgumentNullException.ThrowIfNull(particles);
        ArgumentNullException.ThrowIfNull(noise);
        noise.ThrowIfInvalid();
        fft ??= FftEngines.Default;
        var n = template.Width;
        if (height % 2 != 0 || width % 2 != 0 || height < n || width < n)
        {
            throw new ArgumentException($"The micrograph must have even dimensions of at least the template edge {n}; got {width} x {height}.");
        }

        var image = new Image2D(height, width, Noise(height, width, noise, seed, fft));
        if (particles.Count == 0)
        {
            return image;
        }

        var spectrum = TemplateSpectrum.FromVolume(template, fft);
        using var projection = new AlignedBuffer<float>(n * n);
        foreach (var particle in particles)
        {
            int top = particle.Y - n / 2, left = particle.X - n / 2;
            if (top < 0 || left < 0 || top + n > height || left + n > width)
            {
                throw new ArgumentException(
                    $"The particle at ({particle.X}, {particle.Y}) does not fit: its {n} px box must lie inside the {width} x {height} micrograph.",
                    nameof(particles));
            }

            Project(spectrum, optics, particle, noise, fft, projection.Span);
            // The projection's centre is at [0, 0]; shift it to the box centre (N/2, N/2) while adding.
            var source = projection.Span;
            for (var u = 0; u < n; u++)
            {
                var row = image.Row(top + (u + n / 2) % n);
                for (var v = 0; v < n; v++)
                {
                    row[left + (v + n / 2) % n] += source[u * n + v];
                }
            }
        }

        return image;
    }

    /// <summary>
    /// The matched-filter signal-to-noise ratio of a copy before scaling, i.e. per unit of template density
    /// (see the type's summary for the definition).
    /// </summary>
    /// <param name="spectrum">Rfft of the copy, N x (N/2+1), unshifted layout.</param>
    /// <param name="n">Box edge N.</param>
    /// <param name="noise">The noise spectrum.</param>
    public static double SignalToNoise(ReadOnlySpan<ComplexF> spectrum, int n, SyntheticNoise noise)
    {
        ArgumentNullException.ThrowIfNull(noise);
        var half = n / 2 + 1;
        if (spectrum.Length != n * half)
        {
            throw new ArgumentException($"Expected {n} x {half} values, got {spectrum.Length}.", nameof(spectrum));
        }

        double energy = 0;
        for (var r = 0; r < n; r++)
        {
            var ky = FrequencyGrid.FftFreq(r, n);
            for (var c = 0; c < half; c++)
            {
                var kx = c / (double)n;
                var value = spectrum[r * half + c];
                // Columns 1 .. N/2−1 stand for themselves and their conjugate mirror.
                var weight = c == 0 || c == n / 2 ? 1 : 2;
                energy += weight * ((double)value.Re * value.Re + (double)value.Im * value.Im) / noise.RelativePower(Math.Sqrt(kx * kx + ky * ky));
            }
        }

        return Math.Sqrt(energy) / n;
    }

    // The copy in real space, centre at [0, 0] (unshifted), scaled to the particle's signal-to-noise ratio.
    private static void Project(
        TemplateSpectrum spectrum, OpticsGroup optics, PlantedParticle particle, SyntheticNoise noise, IFftEngine fft, Span<float> output)
    {
        var n = spectrum.Size;
        var length = n * (n / 2 + 1);
        using var slice = new AlignedBuffer<ComplexF>(length);
        var values = slice.Span;
        FourierSlicer.ExtractForSearch(spectrum, RotationMatrixF.FromEuler(particle.Orientation), values, SliceConvention.Exact);
        var ctf = new float[length];
        Ctf.EvaluateRfft(MatchTemplateInputsBuilder.CtfOf(optics), particle.RelativeDefocus, optics.PixelSize, n, ctf);
        for (var i = 0; i < length; i++)
        {
            values[i] *= ctf[i];
        }

        var unscaled = SignalToNoise(values, n, noise);
        if (!(unscaled > 0))
        {
            throw new ArgumentException("The template has no signal after the CTF; it cannot be planted.", nameof(spectrum));
        }

        fft.Inverse2D(values, output, n, n);
        var scale = (float)(particle.SignalToNoise / unscaled);
        foreach (ref var value in output)
        {
            value *= scale;
        }
    }

    private static float[] Noise(int height, int width, SyntheticNoise noise, int seed, IFftEngine fft)
    {
        var random = new Random(seed);
        using var real = new AlignedBuffer<float>((long)height * width);
        var values = real.Span;
        for (var i = 0; i < values.Length; i += 2)
        {
            // Box–Muller: two independent standard normal samples per pair of uniforms; 1 − u avoids log(0).
            var radius = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble()));
            var (sin, cos) = Math.SinCos(2 * Math.PI * random.NextDouble());
            values[i] = (float)(radius * cos);
            values[i + 1] = (float)(radius * sin);
        }

        if (!noise.IsWhite)
        {
            var half = width / 2 + 1;
            using var spectrum = new AlignedBuffer<ComplexF>((long)height * half);
            var coefficients = spectrum.Span;
            fft.Forward2D(values, coefficients, height, width);
            for (var r = 0; r < height; r++)
            {
                var ky = FrequencyGrid.FftFreq(r, height);
                for (var c = 0; c < half; c++)
                {
                    var kx = c / (double)width;
                    coefficients[r * half + c] *= (float)Math.Sqrt(noise.RelativePower(Math.Sqrt(kx * kx + ky * ky)));
                }
            }

            fft.Inverse2D(coefficients, values, height, width);
        }

        return values.ToArray();
    }
}
