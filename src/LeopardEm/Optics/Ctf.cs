using LeopardEm.Imaging;

namespace LeopardEm.Optics;

/// <summary>
/// The 2-D contrast transfer function of torch-ctf <c>calculate_ctf_2d</c> as Leopard-EM uses it (spec §8.3), times
/// the B-factor envelope:
/// <c>CTF(k) = −sin χ(k) · exp(−B|k|²/4)</c> with
/// <c>χ = −πλΔf(k)|k|² + (π/2)·Cs·λ³|k|⁴ − phase − atan(ac/√(1−ac²))</c> and
/// <c>Δf(k) = mean + A·cos 2(φ_k − α)</c> (A = |du − dv|/2), k in 1/Å. CTF(0) = +amplitude contrast for no phase
/// shift, so contrast is "bright on dark" as in the Leopard-EM templates before their contrast flip.
/// </summary>
public static class Ctf
{
    // torch-ctf adds float32 machine epsilon (in Å⁻²) under the square root of the direction vector, which shrinks the
    // astigmatic term at the lowest frequencies; reproduced for parity.
    private const double DirectionEpsilon = 1.1920928955078125e-07;

    /// <summary>
    /// Evaluates the CTF on the unshifted rfft grid of a real <paramref name="size"/> x <paramref name="size"/> image:
    /// <c>size x (size/2+1)</c> values, row-major, element [r, c] at frequency (fftfreq(size)[r], c/size) cycles/pixel.
    /// </summary>
    /// <param name="parameters">Optics; the mean defocus is shifted by <paramref name="relativeDefocus"/>.</param>
    /// <param name="relativeDefocus">Defocus added to (du + dv)/2, Å (a defocus search plane).</param>
    /// <param name="pixelSize">Pixel size used to convert cycles/pixel to 1/Å, Å.</param>
    /// <param name="size">Real-space edge length of the (square) image, pixels.</param>
    /// <param name="output">Destination, size x (size/2+1) floats.</param>
    public static void EvaluateRfft(CtfParameters parameters, double relativeDefocus, double pixelSize, int size, Span<float> output)
        => EvaluateRfft(parameters, relativeDefocus, pixelSize, size, size, output);

    /// <summary>
    /// Evaluates the CTF on the unshifted rfft grid of a real <paramref name="height"/> x <paramref name="width"/>
    /// image (height x (width/2+1) values, row-major).
    /// </summary>
    public static void EvaluateRfft(
        CtfParameters parameters, double relativeDefocus, double pixelSize, int height, int width, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!(pixelSize > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(pixelSize), pixelSize, "The pixel size must be positive (Å).");
        }

        var half = width / 2 + 1;
        if (output.Length != height * half)
        {
            throw new ArgumentException($"Expected {height} x {half} values, got {output.Length}.", nameof(output));
        }

        var lambda = ElectronWavelength.Angstrom(parameters.VoltageKv);
        // Upstream rounds the mean defocus to float32 in µm before use; the difference is far below 1e-5.
        var meanDefocus = parameters.MeanDefocus + relativeDefocus;
        var astig = parameters.HalfAstigmatism;
        var alpha = parameters.AstigmatismAngle * Math.PI / 180;
        var (sinA, cosA) = Math.SinCos(alpha);
        var csAngstrom = parameters.SphericalAberrationMm * 1e7;
        var ac = parameters.AmplitudeContrast;
        var constantPhase = parameters.PhaseShiftDegrees * Math.PI / 180 + Math.Atan(ac / Math.Sqrt(1 - ac * ac));
        var quarticTerm = Math.PI / 2 * csAngstrom * lambda * lambda * lambda;
        var bOverFour = parameters.BFactor / 4;

        for (var r = 0; r < height; r++)
        {
            var ky = FrequencyGrid.FftFreq(r, height) / pixelSize;
            for (var c = 0; c < half; c++)
            {
                var kx = c / (double)width / pixelSize;
                var k2 = ky * ky + kx * kx;
                var projection = (ky * sinA + kx * cosA);
                var defocus = meanDefocus - astig + 2 * astig * projection * projection / (k2 + DirectionEpsilon);
                var chi = -Math.PI * lambda * defocus * k2 + quarticTerm * k2 * k2 - constantPhase;
                output[r * half + c] = (float)(-Math.Sin(chi) * Math.Exp(-bOverFour * k2));
            }
        }
    }
}
