using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;

namespace LeopardEm.Tests.TestData;

/// <summary>A particle planted in a synthetic micrograph: template top-left corner (pixels), orientation (degrees,
/// ZYZ) and defocus relative to the micrograph's mean defocus (Å).</summary>
public sealed record PlantedParticle(int Y, int X, RotationMatrix Rotation, double RelativeDefocus);

/// <summary>
/// Small synthetic 2DTM data for tests: an asymmetric template of Gaussian blobs and micrographs holding its
/// CTF-filtered projections at known poses in white Gaussian noise. Projections are made the way the search makes its
/// templates (central slice, CTF, contrast flip), so a search at the planted pose matches them exactly.
/// </summary>
internal static class PlantedParticles
{
    /// <summary>An n³ volume of <paramref name="blobs"/> Gaussian blobs (sigma in voxels) at random positions within
    /// 0.4·n of the centre, random positive amplitudes; fixed by <paramref name="seed"/>.</summary>
    public static Volume3D BlobTemplate(int n, int blobs, double sigma, int seed)
    {
        var random = new Random(seed);
        var volume = new Volume3D(n, n, n);
        var centre = n / 2.0;
        for (var b = 0; b < blobs; b++)
        {
            double bx, by, bz;
            do
            {
                (bx, by, bz) = (Uniform(random), Uniform(random), Uniform(random));
            }
            while (bx * bx + by * by + bz * bz > 1);

            var (cx, cy, cz) = (centre + 0.4 * n * bx, centre + 0.4 * n * by, centre + 0.4 * n * bz);
            var amplitude = 0.5 + random.NextDouble();
            for (var z = 0; z < n; z++)
            {
                for (var y = 0; y < n; y++)
                {
                    for (var x = 0; x < n; x++)
                    {
                        var r2 = (x - cx) * (x - cx) + (y - cy) * (y - cy) + (z - cz) * (z - cz);
                        volume[z, y, x] += (float)(amplitude * Math.Exp(-r2 / (2 * sigma * sigma)));
                    }
                }
            }
        }

        return volume;
    }

    /// <summary>
    /// A height x width micrograph: each particle's projection (slice x CTF at mean + relative defocus, contrast
    /// flipped, centred in an n x n box) added with its top-left corner at (Y, X), plus white Gaussian noise of standard
    /// deviation <paramref name="noise"/>.
    /// </summary>
    public static Image2D Micrograph(
        Volume3D template, int height, int width, CtfParameters ctf, double pixelSize,
        IReadOnlyList<PlantedParticle> particles, double noise, int seed)
    {
        var fft = FftEngines.Default;
        var spectrum = TemplateSpectrum.FromVolume(template, fft);
        var n = template.Width;
        var half = n / 2 + 1;
        var image = new Image2D(height, width);
        var slice = new ComplexF[n * half];
        var filter = new float[n * half];
        var projection = new float[n * n];
        foreach (var particle in particles)
        {
            FourierSlicer.ExtractForSearch(spectrum, particle.Rotation.ToSingle(), slice);
            Ctf.EvaluateRfft(ctf, particle.RelativeDefocus, pixelSize, n, filter);
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] *= filter[i];
            }

            fft.Inverse2D(slice, projection, n, n);
            for (var y = 0; y < n; y++)
            {
                for (var x = 0; x < n; x++)
                {
                    // The transform is centred on pixel 0; shift by n/2 to centre it in the box.
                    image[particle.Y + y, particle.X + x] += projection[(y + n / 2) % n * n + (x + n / 2) % n];
                }
            }
        }

        var random = new Random(seed);
        for (var i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] += (float)(noise * Gaussian(random));
        }

        return image;
    }

    private static double Uniform(Random random) => 2 * random.NextDouble() - 1;

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
