using LeopardEm.Demo;
using LeopardEm.Imaging;

namespace LeopardEm.Tests.Demo;

public class DemoTemplateTests
{
    private const int Size = 64;
    private static readonly Volume3D Template = DemoTemplate.Create(Size);

    [Fact]
    public void The_same_size_gives_the_same_template()
    {
        Assert.Equal(Template.Data, DemoTemplate.Create(Size).Data);
        Assert.Equal(148, DemoTemplate.Blobs(Size).Count);
    }

    [Fact]
    public void Density_stays_inside_the_ball_the_blobs_fill_plus_four_sigma()
    {
        // Blob centres lie within 0.3·N of the centre and blobs are cut at 4 sigma (sigma ≤ 1.2).
        var limit = 0.3 * Size + 4 * 1.2;
        for (var z = 0; z < Size; z++)
        {
            for (var y = 0; y < Size; y++)
            {
                for (var x = 0; x < Size; x++)
                {
                    double dx = x - Size / 2, dy = y - Size / 2, dz = z - Size / 2;
                    if (Math.Sqrt(dx * dx + dy * dy + dz * dz) > limit)
                    {
                        Assert.Equal(0f, Template[z, y, x]);
                    }
                }
            }
        }

        Assert.True(Template.Data.Max() > 0.5f);
    }

    [Fact]
    public void No_quarter_or_half_turn_and_no_mirror_maps_the_template_onto_itself()
    {
        // Pearson correlation of the template with transformed copies about the centre voxel (N/2, N/2, N/2): a
        // symmetric or achiral cluster would reach 1 for one of them. Random blob positions stay far below.
        var transforms = new (string Name, Func<int, int, int, (int Z, int Y, int X)> Map)[]
        {
            ("90° about z", (z, y, x) => (z, x, -y)),
            ("180° about z", (z, y, x) => (z, -y, -x)),
            ("90° about x", (z, y, x) => (y, -z, x)),
            ("180° about y", (z, y, x) => (-z, y, -x)),
            ("mirror x", (z, y, x) => (z, y, -x)),
            ("inversion", (z, y, x) => (-z, -y, -x)),
        };
        foreach (var (name, map) in transforms)
        {
            var correlation = Pearson(Template, map);
            Assert.True(correlation < 0.3, $"{name}: correlation {correlation:F3}");
        }
    }

    private static double Pearson(Volume3D volume, Func<int, int, int, (int Z, int Y, int X)> map)
    {
        var n = volume.Width;
        var h = n / 2;
        var mean = volume.Data.Average(v => (double)v);
        double cross = 0, energy = 0;
        for (var z = 0; z < n; z++)
        {
            for (var y = 0; y < n; y++)
            {
                for (var x = 0; x < n; x++)
                {
                    var (tz, ty, tx) = map(z - h, y - h, x - h);
                    var other = volume[(tz + h + n) % n, (ty + h + n) % n, (tx + h + n) % n] - mean;
                    var value = volume[z, y, x] - mean;
                    cross += value * other;
                    energy += value * value;
                }
            }
        }

        return cross / energy;
    }
}
