using System.Runtime.CompilerServices;
using LeopardEm.Imaging;
using LeopardEm.Orientations;

namespace LeopardEm.Projection;

/// <summary>
/// Central sections of a <see cref="TemplateSpectrum"/> (torch-fourier-slice v0.4.0 defaults, spec §7): for each 2-D
/// frequency <c>k = (kx, ky)</c> the value is the 3-D spectrum at <c>R·(kx, ky, 0)</c>, sampled by trilinear
/// interpolation of real and imaginary parts, with Friedel conjugation for <c>x' &lt; 0</c> and zero outside the cube.
/// By the projection-slice theorem this is the spectrum of <c>p(x, y) = ∫ v(R·(x, y, t)) dt</c> (x = column, y = row,
/// about the volume centre). No oversampling and no sinc² correction, as upstream.
/// </summary>
public static class FourierSlicer
{
    private const float ZeroTolerance = 1e-8f;

    /// <summary>
    /// Extracts the slice for rotation <paramref name="rotation"/> and applies the search's post-processing
    /// (spec §7.4): rows ifftshifted into the standard unshifted rfft layout, DC set to 0, contrast flipped (×−1).
    /// </summary>
    /// <param name="spectrum">The prepared template spectrum.</param>
    /// <param name="rotation">Row-major 3x3 rotation matrix R (float32, ZYZ convention of the orientation grid).</param>
    /// <param name="output">N x (N/2+1) values, unshifted rfft layout.</param>
    /// <param name="convention">Exact (default) or Leopard-EM's arithmetic for frequencies on the x' = 0 plane.</param>
    public static void ExtractForSearch(
        TemplateSpectrum spectrum, ReadOnlySpan<float> rotation, Span<ComplexF> output, SliceConvention convention = SliceConvention.Exact)
    {
        Extract(spectrum, rotation, output, unshiftRows: true, convention);
        output[0] = ComplexF.Zero;
        foreach (ref var value in output)
        {
            value = -value;
        }
    }

    /// <summary>Extracts the slice for <paramref name="rotation"/> with the search's post-processing; see
    /// <see cref="ExtractForSearch(TemplateSpectrum, ReadOnlySpan{float}, Span{ComplexF}, SliceConvention)"/>.</summary>
    public static void ExtractForSearch(
        TemplateSpectrum spectrum, in RotationMatrixF rotation, Span<ComplexF> output, SliceConvention convention = SliceConvention.Exact)
    {
        Span<float> matrix = stackalloc float[9];
        rotation.CopyTo(matrix);
        ExtractForSearch(spectrum, matrix, output, convention);
    }

    /// <summary>
    /// Extracts the raw slice for rotation <paramref name="rotation"/> in the extractor's own layout: N x (N/2+1),
    /// rows fftshifted (row r holds ky = (r − N/2)/N), columns unshifted (kx = c/N).
    /// </summary>
    public static void Extract(
        TemplateSpectrum spectrum, ReadOnlySpan<float> rotation, Span<ComplexF> output, SliceConvention convention = SliceConvention.Exact) =>
        Extract(spectrum, rotation, output, unshiftRows: false, convention);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Extract(
            TemplateSpectrum spectrum, ReadOnlySpan<float> rotation, Span<ComplexF> output, bool unshiftRows, SliceConvention convention)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        if (rotation.Length != 9)
        {
            throw new ArgumentException("A rotation matrix has 9 entries (row-major 3x3).", nameof(rotation));
        }

        var n = spectrum.Size;
        var half = spectrum.HalfWidth;
        if (output.Length != n * half)
        {
            throw new ArgumentException($"Expected {n} x {half} output values, got {output.Length}.", nameof(output));
        }

        Span<float> r = stackalloc float[9];
        for (var i = 0; i < 9; i++)
        {
            r[i] = MathF.Abs(rotation[i]) < ZeroTolerance ? 0f : rotation[i];
        }

        // For frequencies on the x' = 0 plane the side is decided once per rotation, as upstream.
        var nearZeroConjugates = MathF.Abs(r[0]) > 1e-7f ? r[0] < 0 : r[1] < 0;
        var data = spectrum.Data;
        var scaleZy = (n - 1) / (1f - 1f / n);
        var scaleX = 2f * (half - 1);
        var maxZy = n - 1;
        var maxX = half - 1;

        for (var row = 0; row < n; row++)
        {
            var ky = (row - n / 2) / (float)n;
            var outRow = unshiftRows ? (row + n / 2) % n : row;
            for (var c = 0; c < half; c++)
            {
                var kx = c / (float)n;
                var x = r[0] * kx + r[1] * ky;
                var y = r[3] * kx + r[4] * ky;
                var z = r[6] * kx + r[7] * ky;
                var nearZero = MathF.Abs(x) < ZeroTolerance;
                var conjugate = nearZero ? nearZeroConjugates : x < -ZeroTolerance;
                if (nearZero && convention == SliceConvention.Exact)
                {
                    // The frequency lies on the x' = 0 plane, which the half spectrum holds; rounding must not push it
                    // outside (upstream samples 0 there when x' rounds to a tiny negative value).
                    x = 0;
                }

                if (conjugate)
                {
                    x = -x;
                    y = -y;
                    z = -z;
                }

                var cz = (z + 0.5f) * scaleZy;
                var cy = (y + 0.5f) * scaleZy;
                var cx = x * scaleX;
                ComplexF value;
                if (cz < 0 || cy < 0 || cx < 0 || cz > maxZy || cy > maxZy || cx > maxX)
                {
                    value = ComplexF.Zero;
                }
                else
                {
                    value = Trilinear(data, n, half, cz, cy, cx);
                    if (conjugate)
                    {
                        value = value.Conjugate();
                    }
                }

                output[outRow * half + c] = value;
            }
        }
    }

    private static ComplexF Trilinear(ComplexF[] data, int n, int half, float cz, float cy, float cx)
    {
        var z0 = (int)cz;
        var y0 = (int)cy;
        var x0 = (int)cx;
        var z1 = Math.Min(z0 + 1, n - 1);
        var y1 = Math.Min(y0 + 1, n - 1);
        var x1 = Math.Min(x0 + 1, half - 1);
        var wz = cz - z0;
        var wy = cy - y0;
        var wx = cx - x0;

        var c00 = Lerp(data[(z0 * n + y0) * half + x0], data[(z0 * n + y0) * half + x1], wx);
        var c01 = Lerp(data[(z0 * n + y1) * half + x0], data[(z0 * n + y1) * half + x1], wx);
        var c10 = Lerp(data[(z1 * n + y0) * half + x0], data[(z1 * n + y0) * half + x1], wx);
        var c11 = Lerp(data[(z1 * n + y1) * half + x0], data[(z1 * n + y1) * half + x1], wx);
        return Lerp(Lerp(c00, c01, wy), Lerp(c10, c11, wy), wz);
    }

    private static ComplexF Lerp(ComplexF a, ComplexF b, float w) =>
        new(a.Re + (b.Re - a.Re) * w, a.Im + (b.Im - a.Im) * w);
}
