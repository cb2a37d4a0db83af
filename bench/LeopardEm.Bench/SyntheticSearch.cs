using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Bench;

/// <summary>
/// Synthetic search inputs with the shapes and costs of a real search: a white-noise micrograph (unit variance, DC
/// removed), a smooth random template (Gaussian blobs, like atoms at low resolution), CTF projective filters for the
/// defocus planes and random orientations. The numbers do not matter to the timing; the shapes do.
/// </summary>
internal static class SyntheticSearch
{
    private const double PixelSize = 1.0;

    /// <summary>The prepared spectrum of a random smooth <paramref name="size"/>³ template.</summary>
    public static TemplateSpectrum Template(int size, IFftEngine fft)
    {
        var volume = new Volume3D(size, size, size);
        var random = new Random(7);
        const float sigma = 2.5f;
        var reach = (int)MathF.Ceiling(3 * sigma);
        var blobs = Math.Max(50, size * size / 64);
        for (var b = 0; b < blobs; b++)
        {
            // Blobs fill a ball of radius size/3 about the centre, like a particle in its box.
            float cz, cy, cx;
            do
            {
                cz = (float)random.NextDouble() * 2 - 1;
                cy = (float)random.NextDouble() * 2 - 1;
                cx = (float)random.NextDouble() * 2 - 1;
            }
            while (cz * cz + cy * cy + cx * cx > 1);

            var (z0, y0, x0) = (size / 2 + cz * size / 3, size / 2 + cy * size / 3, size / 2 + cx * size / 3);
            for (var z = Math.Max(0, (int)z0 - reach); z <= Math.Min(size - 1, (int)z0 + reach); z++)
            {
                for (var y = Math.Max(0, (int)y0 - reach); y <= Math.Min(size - 1, (int)y0 + reach); y++)
                {
                    var row = ((long)z * size + y) * size;
                    for (var x = Math.Max(0, (int)x0 - reach); x <= Math.Min(size - 1, (int)x0 + reach); x++)
                    {
                        var r2 = (z - z0) * (z - z0) + (y - y0) * (y - y0) + (x - x0) * (x - x0);
                        volume.Data[row + x] += MathF.Exp(-r2 / (2 * sigma * sigma));
                    }
                }
            }
        }

        return TemplateSpectrum.FromVolume(volume, fft);
    }

    /// <summary>Search inputs for a <paramref name="size"/> micrograph: <paramref name="orientations"/> random
    /// orientations x <paramref name="defocusPlanes"/> defocus planes 200 Å apart, the valid region only.</summary>
    public static SearchInputs Inputs(FrameSize size, TemplateSpectrum template, int orientations, int defocusPlanes, IFftEngine fft)
    {
        int h = size.Height, w = size.Width, n = template.Size;
        var random = new Random(h * 31 + w);
        var image = new float[(long)h * w];
        for (var i = 0; i < image.Length; i++)
        {
            // Box–Muller: unit-variance Gaussian noise.
            var u = 1 - random.NextDouble();
            image[i] = (float)(Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }

        var spectrum = new AlignedBuffer<ComplexF>((long)h * (w / 2 + 1));
        fft.Forward2D(image, spectrum.Span, h, w);
        spectrum.Span[0] = ComplexF.Zero;

        var angles = Enumerable.Range(0, orientations)
            .Select(_ => new EulerAngles(360 * random.NextDouble(), 180 * random.NextDouble(), 360 * random.NextDouble()))
            .ToArray();
        var defocus = Enumerable.Range(0, defocusPlanes).Select(d => 200f * (d - (defocusPlanes - 1) / 2f)).ToArray();
        var space = new SearchSpace(angles, defocus, [0f]);
        var ctf = new CtfParameters(15000, 15000, 0, 300, BFactor: 40);
        var filters = defocus.Select(d =>
        {
            var filter = new float[n * (n / 2 + 1)];
            Ctf.EvaluateRfft(ctf, d, PixelSize, n, filter);
            return filter;
        }).ToArray();
        return new SearchInputs(h, w, spectrum, template, filters, space, h - n + 1, w - n + 1, fft);
    }
}
