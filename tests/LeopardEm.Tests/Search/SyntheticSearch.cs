using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>
/// Small searches assembled from the public building blocks, without settings or files: a template of random smooth
/// Gaussian blobs, random orientations, CTF projective filters (300 kV, 1.5 Å/px, du 10000 Å, dv 9000 Å, B 30 Å²) and
/// a micrograph of white noise (σ = 1) plus, optionally, normalised templates planted at known top-left corners.
/// </summary>
public static class SyntheticSearch
{
    /// <summary>Pixel size of every synthetic search, Å.</summary>
    public const double PixelSize = 1.5;

    private static readonly CtfParameters Optics = new(10000, 9000, 30, 300, BFactor: 30);

    /// <summary>A template planted in the micrograph: top-left corner (Y, X), orientation and defocus plane of the
    /// search, amplitude relative to the normalised template.</summary>
    public readonly record struct Plant(int Y, int X, int Orientation, int DefocusPlane, double Amplitude);

    /// <summary>An N³ volume of six random Gaussian blobs (σ 1.5–3 voxels) near the centre.</summary>
    public static Volume3D BlobVolume(int n, int seed)
    {
        var random = new Random(seed);
        var blobs = Enumerable.Range(0, 6).Select(_ => (
            X: (random.NextDouble() - 0.5) * n / 2, Y: (random.NextDouble() - 0.5) * n / 2, Z: (random.NextDouble() - 0.5) * n / 2,
            Sigma: 1.5 + 1.5 * random.NextDouble(), Amplitude: 0.5 + random.NextDouble())).ToArray();
        var volume = new Volume3D(n, n, n);
        for (var z = 0; z < n; z++)
        {
            for (var y = 0; y < n; y++)
            {
                for (var x = 0; x < n; x++)
                {
                    double value = 0;
                    foreach (var b in blobs)
                    {
                        double dx = x - n / 2 - b.X, dy = y - n / 2 - b.Y, dz = z - n / 2 - b.Z;
                        value += b.Amplitude * Math.Exp(-(dx * dx + dy * dy + dz * dz) / (2 * b.Sigma * b.Sigma));
                    }

                    volume[z, y, x] = (float)value;
                }
            }
        }

        return volume;
    }

    /// <summary>Orientations drawn uniformly on SO(3) (degrees, ZYZ).</summary>
    public static EulerAngles[] RandomOrientations(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => new EulerAngles(
            random.NextDouble() * 360, Math.Acos(2 * random.NextDouble() - 1) * 180 / Math.PI, random.NextDouble() * 360))];
    }

    /// <summary>One CTF projective filter per relative defocus, N x (N/2+1).</summary>
    public static float[][] CtfFilters(SearchSpace space, int n)
    {
        var filters = new float[space.DefocusCount][];
        for (var d = 0; d < space.DefocusCount; d++)
        {
            filters[d] = new float[n * (n / 2 + 1)];
            Ctf.EvaluateRfft(Optics, space.RelativeDefocus[d], PixelSize, n, filters[d]);
        }

        return filters;
    }

    /// <summary>
    /// Builds search inputs over <paramref name="space"/> (one pixel-size plane) for a micrograph of
    /// <paramref name="noise"/> standard deviation plus the <paramref name="plants"/>, planted with wrap-around.
    /// </summary>
    public static SearchInputs Build(
        Volume3D volume, SearchSpace space, int height, int width, double noise, IReadOnlyList<Plant> plants, bool validCrop, int seed)
    {
        var fft = FftEngines.Managed;
        var n = volume.Width;
        var template = TemplateSpectrum.FromVolume(volume, fft);
        var filters = CtfFilters(space, n);
        var random = new Random(seed);
        var micrograph = new float[height * width];
        for (var i = 0; i < micrograph.Length; i++)
        {
            micrograph[i] = (float)(noise * Gaussian(random));
        }

        foreach (var plant in plants)
        {
            var t = NaiveCorrelation.Template(template, space.Rotation(plant.Orientation), space.SliceConvention, filters[plant.DefocusPlane], height, width);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    micrograph[(plant.Y + i) % height * width + (plant.X + j) % width] += (float)(plant.Amplitude * t[i * n + j]);
                }
            }
        }

        var spectrum = new AlignedBuffer<ComplexF>((long)height * (width / 2 + 1));
        fft.Forward2D(micrograph, spectrum.Span, height, width);
        // Prepared micrographs have zero mean (spec §4.7).
        spectrum.Span[0] = ComplexF.Zero;
        return new SearchInputs(
            height, width, spectrum, template, filters, space, validCrop ? height - n + 1 : height, validCrop ? width - n + 1 : width);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
