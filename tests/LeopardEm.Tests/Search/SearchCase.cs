using LeopardEm.Fft;
using LeopardEm.Filters;
using LeopardEm.Imaging;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>
/// A small search assembled from the public building blocks, without settings or files: a template of random smooth
/// Gaussian blobs, random orientations, CTF projective filters (300 kV, 1.5 Å/px, du 10000 Å, dv 9000 Å, B 30 Å²; pixel-
/// size planes by Cs scaling) and a micrograph of white noise plus normalised templates planted at known top-left
/// corners (with wrap-around). <see cref="NaiveCorrelation"/> is its independent double-precision reference. The one
/// fixture of every backend and search test; the named cases cover the shapes those tests need.
/// </summary>
public sealed record SearchCase
{
    /// <summary>Pixel size of every case, Å.</summary>
    public const double PixelSize = 1.5;

    private static readonly CtfParameters Optics = new(10000, 9000, 30, 300, BFactor: 30);

    /// <summary>47 x 62 (a prime and 2·31, so the valid-region frame is padded to 48 x 64), 16³ template, 4 orientations
    /// x 3 defocus x 2 pixel-size planes (6 planes: full and partial statistics groups), no plant.</summary>
    public static readonly SearchCase Awkward = new()
    {
        Height = 47,
        Width = 62,
        TemplateSize = 16,
        Orientations = 4,
        DefocusPlanes = 3,
        PixelSizePlanes = 2,
        Seed = 2024,
    };

    /// <summary>64 x 64, 16³ template, 8 orientations x 3 defocus planes, all circular positions kept, one faint plant
    /// (orientation 5, defocus plane 1) at (20, 30).</summary>
    public static readonly SearchCase Tiny = new()
    {
        Height = 64,
        Width = 64,
        TemplateSize = 16,
        Orientations = 8,
        DefocusPlanes = 3,
        ValidCrop = false,
        Seed = 11,
        Plants = [new(20, 30, 5, 1, 0.05)],
    };

    /// <summary>96 x 128, 32³ template, 45 orientations x 3 defocus planes, valid region (65 x 97), one strong plant
    /// (orientation 17, defocus plane 2) at (23, 41).</summary>
    public static readonly SearchCase Planted = new()
    {
        Height = 96,
        Width = 128,
        TemplateSize = 32,
        Orientations = 45,
        DefocusPlanes = 3,
        Seed = 7,
        Plants = [new(23, 41, 17, 2, 0.5)],
    };

    /// <summary>A template planted in the micrograph: top-left corner (Y, X), orientation and defocus plane of the
    /// search (pixel-size plane 0), amplitude relative to the normalised template.</summary>
    public readonly record struct Plant(int Y, int X, int Orientation, int DefocusPlane, double Amplitude);

    /// <summary>Micrograph rows.</summary>
    public required int Height { get; init; }

    /// <summary>Micrograph columns (even).</summary>
    public required int Width { get; init; }

    /// <summary>Template edge N (even).</summary>
    public required int TemplateSize { get; init; }

    /// <summary>Number of random orientations.</summary>
    public required int Orientations { get; init; }

    /// <summary>Defocus planes, 400 Å apart around 0.</summary>
    public int DefocusPlanes { get; init; } = 1;

    /// <summary>Pixel-size planes, 0.1 Å apart from 0 (Cs scaled by (1 + 0.1/1.5)⁴ per plane, so planes differ clearly).</summary>
    public int PixelSizePlanes { get; init; } = 1;

    /// <summary>Standard deviation of the micrograph's white noise.</summary>
    public double Noise { get; init; } = 1;

    /// <summary>Planted templates.</summary>
    public IReadOnlyList<Plant> Plants { get; init; } = [];

    /// <summary>Keep only the valid region (template inside the micrograph) rather than every circular position.</summary>
    public bool ValidCrop { get; init; } = true;

    /// <summary>Seed of the volume, orientations and noise.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Rows of the statistics region.</summary>
    public int RegionHeight => ValidCrop ? Height - TemplateSize + 1 : Height;

    /// <summary>Columns of the statistics region.</summary>
    public int RegionWidth => ValidCrop ? Width - TemplateSize + 1 : Width;

    /// <summary>The search space.</summary>
    public SearchSpace Space() => new(
        RandomOrientations(Orientations, Seed),
        [.. Enumerable.Range(0, DefocusPlanes).Select(d => 400f * (d - (DefocusPlanes - 1) / 2))],
        [.. Enumerable.Range(0, PixelSizePlanes).Select(p => 0.1f * p)]);

    /// <summary>Fresh inputs (the caller owns and disposes them), prepared with <paramref name="fft"/> (managed when
    /// null).</summary>
    public SearchInputs Build(IFftEngine? fft = null)
    {
        var engine = fft ?? FftEngines.Managed;
        var space = Space();
        var n = TemplateSize;
        var template = LeopardEm.Projection.TemplateSpectrum.FromVolume(BlobVolume(n, Seed), engine);
        var ones = Enumerable.Repeat(1f, n * (n / 2 + 1)).ToArray();
        var filters = ProjectiveFilterStack.Build(Optics, PixelSize, 0, space.PixelSizeOffsets, space.RelativeDefocus, ones, n);
        var random = new Random(Seed + 1);
        var micrograph = new float[Height * Width];
        for (var i = 0; i < micrograph.Length; i++)
        {
            micrograph[i] = (float)(Noise * Gaussian(random));
        }

        foreach (var plant in Plants)
        {
            var t = NaiveCorrelation.Template(template, space.Rotation(plant.Orientation), space.SliceConvention, filters[plant.DefocusPlane], Height, Width);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    micrograph[(plant.Y + i) % Height * Width + (plant.X + j) % Width] += (float)(plant.Amplitude * t[i * n + j]);
                }
            }
        }

        var spectrum = new AlignedBuffer<ComplexF>((long)Height * (Width / 2 + 1));
        engine.Forward2D(micrograph, spectrum.Span, Height, Width);
        // Prepared micrographs have zero mean (spec §4.7).
        spectrum.Span[0] = ComplexF.Zero;
        return new SearchInputs(Height, Width, spectrum, template, filters, space, RegionHeight, RegionWidth, engine);
    }

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

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
