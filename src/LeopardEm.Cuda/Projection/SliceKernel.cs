using ILGPU;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.Cuda.Projection;

/// <summary>
/// Central slices of the template spectrum for a batch of rotations, with the search's post-processing: the device
/// twin of <see cref="FourierSlicer.ExtractForSearch(TemplateSpectrum, System.ReadOnlySpan{float}, System.Span{ComplexF}, SliceConvention)"/>
/// (spec §7.3–7.4), statement for statement in the same float32 arithmetic, so the CPU accelerator reproduces it bit
/// for bit (a GPU may contract multiply-adds, a difference of a few ulp). The CPU code cannot be called from a kernel,
/// which reads device views rather than arrays; keep the two in step.
/// </summary>
internal static class SliceKernel
{
    private const float ZeroTolerance = 1e-8f;

    /// <summary>
    /// Writes slice <c>o</c> of rotation <c>o</c> (row-major 3x3 at <c>rotations[9·o ..]</c>) into
    /// <c>slices[o·N·(N/2+1) ..]</c>: unshifted rfft layout, DC 0, contrast flipped. Grid-stride over the elements of
    /// a slice, each thread covering all <paramref name="count"/> slices.
    /// </summary>
    public static void Extract(
        SliceGeometry geometry, ArrayView<ComplexF> volume, ArrayView<float> rotations, ArrayView<ComplexF> slices, int count)
    {
        int n = geometry.Size, half = geometry.HalfWidth, length = geometry.Length;
        var stride = Grid.DimX * Group.DimX;
        for (var element = Grid.GlobalIndex.X; element < length; element += stride)
        {
            var row = element / half;
            var c = element - row * half;
            var ky = (row - n / 2) / (float)n;
            var kx = c / (float)n;
            var outRow = (row + n / 2) % n;
            for (var o = 0; o < count; o++)
            {
                var r = o * 9;
                float r0 = Clean(rotations[r]), r1 = Clean(rotations[r + 1]);
                float r3 = Clean(rotations[r + 3]), r4 = Clean(rotations[r + 4]);
                float r6 = Clean(rotations[r + 6]), r7 = Clean(rotations[r + 7]);
                var nearZeroConjugates = MathF.Abs(r0) > 1e-7f ? r0 < 0 : r1 < 0;

                var x = r0 * kx + r1 * ky;
                var y = r3 * kx + r4 * ky;
                var z = r6 * kx + r7 * ky;
                var nearZero = MathF.Abs(x) < ZeroTolerance;
                var conjugate = nearZero ? nearZeroConjugates : x < -ZeroTolerance;
                if (nearZero && geometry.ExactZeroPlane != 0)
                {
                    x = 0;
                }

                if (conjugate)
                {
                    x = -x;
                    y = -y;
                    z = -z;
                }

                var cz = (z + 0.5f) * geometry.ScaleZy;
                var cy = (y + 0.5f) * geometry.ScaleZy;
                var cx = x * geometry.ScaleX;
                var value = ComplexF.Zero;
                if (!(cz < 0 || cy < 0 || cx < 0 || cz > n - 1 || cy > n - 1 || cx > half - 1))
                {
                    value = Trilinear(volume, n, half, cz, cy, cx);
                    if (conjugate)
                    {
                        value = new ComplexF(value.Re, -value.Im);
                    }
                }

                if (outRow == 0 && c == 0)
                {
                    value = ComplexF.Zero;
                }

                slices[(long)o * length + outRow * half + c] = -value;
            }
        }
    }

    private static float Clean(float value) => MathF.Abs(value) < ZeroTolerance ? 0f : value;

    private static ComplexF Trilinear(ArrayView<ComplexF> data, int n, int half, float cz, float cy, float cx)
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
