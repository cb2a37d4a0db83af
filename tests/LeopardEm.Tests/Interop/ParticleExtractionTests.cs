using LeopardEm.Imaging;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Interop;

public sealed class ParticleExtractionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    // 40 x 50 micrograph with value 1000·y + x, so every box pixel tells where it came from.
    private static Image2D Gradient()
    {
        var image = new Image2D(40, 50);
        for (var y = 0; y < 40; y++)
        {
            for (var x = 0; x < 50; x++)
            {
                image[y, x] = 1000 * y + x;
            }
        }

        return image;
    }

    private static readonly ExtractionOptions Raw = new() { BoxSize = 8, InvertContrast = false, Normalize = false };

    [Fact]
    public void The_box_centre_pixel_is_the_floor_of_the_particle_centre()
    {
        var box = ParticleExtraction.Extract(Gradient(), 10.7, 5.2, Raw);

        Assert.Equal(5010f, box[4, 4]);
        Assert.Equal(1006f, box[0, 0]);
        Assert.Equal(8013f, box[7, 7]);
    }

    [Fact]
    public void Pixels_outside_the_micrograph_repeat_the_edge()
    {
        var box = ParticleExtraction.Extract(Gradient(), 1, 38, Raw);

        Assert.Equal(34000f, box[0, 0]);
        Assert.Equal(39000f, box[7, 2]);
        Assert.Equal(39004f, box[7, 7]);
    }

    [Fact]
    public void Inverting_negates_the_box()
    {
        var plain = ParticleExtraction.Extract(Gradient(), 20, 20, Raw);
        var inverted = ParticleExtraction.Extract(Gradient(), 20, 20, Raw with { InvertContrast = true });

        Assert.Equal(plain.Data.Select(v => -v), inverted.Data);
    }

    [Theory]
    [InlineData(64, 24)]
    [InlineData(100, 38)]
    [InlineData(36, 14)]
    public void The_default_background_radius_is_relions_75_percent_diameter(int box, int radius)
    {
        Assert.Equal(radius, new ExtractionOptions { BoxSize = box }.EffectiveBackgroundRadius);
    }

    [Fact]
    public void Invalid_boxes_and_radii_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new ExtractionOptions { BoxSize = 63 }.ThrowIfInvalid());
        Assert.Throws<ArgumentException>(() => new ExtractionOptions { BoxSize = 2 }.ThrowIfInvalid());
        Assert.Throws<ArgumentException>(() => new ExtractionOptions { BoxSize = 64, BackgroundRadius = 33 }.ThrowIfInvalid());
        Assert.Throws<ArgumentException>(() => new ExtractionOptions { BoxSize = 64, BackgroundRadius = 0 }.ThrowIfInvalid());
    }

    [Fact]
    public void Normalisation_makes_the_background_standard_and_removes_a_ramp()
    {
        const int size = 32, radius = 12;
        var random = new Random(5);
        var box = new float[size * size];
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                // Noise on a tilted plane, plus a bright disc that is not background.
                var disc = (r - 16) * (r - 16) + (c - 16) * (c - 16) <= 100 ? 50 : 0;
                box[r * size + c] = (float)(3 * random.NextDouble() + 0.7 * c - 0.4 * r + 12 + disc);
            }
        }

        BackgroundNormalization.Apply(box, size, radius, subtractRamp: true);

        var background = Background(box, size, radius);
        Assert.Equal(0, background.Average(v => v.Value), 1e-5);
        Assert.Equal(1, Math.Sqrt(background.Average(v => v.Value * v.Value)), 1e-5);
        // The fitted plane is gone: the background no longer correlates with x or y.
        Assert.InRange(Math.Abs(Correlation(background, v => v.Column)), 0, 1e-5);
        Assert.InRange(Math.Abs(Correlation(background, v => v.Row)), 0, 1e-5);
        Assert.True(box[16 * size + 16] > 10, "the particle stays bright above the background");
    }

    [Fact]
    public void Without_the_ramp_the_box_is_only_shifted_and_scaled_by_its_background()
    {
        const int size = 16, radius = 6;
        var random = new Random(9);
        var original = Enumerable.Range(0, size * size).Select(i => (float)(random.NextDouble() + 0.3 * (i % size))).ToArray();
        var background = Background(original, size, radius);
        var mean = background.Average(v => v.Value);
        var deviation = Math.Sqrt(background.Average(v => (v.Value - mean) * (v.Value - mean)));

        var box = (float[])original.Clone();
        BackgroundNormalization.Apply(box, size, radius, subtractRamp: false);

        for (var i = 0; i < box.Length; i++)
        {
            Assert.Equal((original[i] - mean) / deviation, box[i], 1e-5);
        }
    }

    [Fact]
    public void Extracting_to_a_stack_names_the_images_and_loads_each_micrograph_once_per_run()
    {
        var micrographs = new Dictionary<string, Image2D> { ["a.mrc"] = Gradient(), ["b.mrc"] = new Image2D(40, 50, [.. Gradient().Data.Select(v => -v)]) };
        var loads = new List<string>();
        ParticleRecord Particle(string micrograph, double x) => new()
        {
            MicrographPath = micrograph,
            X = x,
            Y = 20,
            Orientation = EulerAngles.Zero,
            DefocusU = 1,
            DefocusV = 1,
            AstigmatismAngle = 0,
        };

        var named = ParticleExtraction.ExtractToStack(
            [Particle("a.mrc", 10), Particle("a.mrc", 30), Particle("b.mrc", 10)],
            path => { loads.Add(path); return micrographs[path]; },
            Raw, _dir.File("p.mrcs"), "Extract/p.mrcs", 1.5, overwrite: false);

        Assert.Equal(["a.mrc", "b.mrc"], loads);
        Assert.Equal(["000001@Extract/p.mrcs", "000002@Extract/p.mrcs", "000003@Extract/p.mrcs"], named.Select(p => p.ImageName));
        var stack = MrcReader.ReadStack(_dir.File("p.mrcs"), out var header);
        Assert.Equal((8, 8, 3, 1, 0), (header.Nx, header.Ny, header.Nz, header.Mz, header.SpaceGroup));
        Assert.Equal(1.5f, header.VoxelSize.X);
        Assert.Equal(20010f, stack[0][4, 4]);
        Assert.Equal(20030f, stack[1][4, 4]);
        Assert.Equal(-20010f, stack[2][4, 4]);
    }

    private static List<(double Value, int Row, int Column)> Background(float[] box, int size, int radius)
    {
        var values = new List<(double, int, int)>();
        for (var r = 0; r < size; r++)
        {
            for (var c = 0; c < size; c++)
            {
                int i = r - size / 2, j = c - size / 2;
                if (i * i + j * j > radius * radius)
                {
                    values.Add((box[r * size + c], r, c));
                }
            }
        }

        return values;
    }

    private static double Correlation(List<(double Value, int Row, int Column)> values, Func<(double Value, int Row, int Column), double> coordinate)
    {
        double mv = values.Average(v => v.Value), mc = values.Average(coordinate), cov = 0, vv = 0, vc = 0;
        foreach (var v in values)
        {
            cov += (v.Value - mv) * (coordinate(v) - mc);
            vv += (v.Value - mv) * (v.Value - mv);
            vc += (coordinate(v) - mc) * (coordinate(v) - mc);
        }

        return cov / Math.Sqrt(vv * vc);
    }
}
