using LeopardEm.Demo;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Projection;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Interop;

/// <summary>
/// RELION's projector (<c>relion_project --ctf</c>) fed with our exported STAR file makes the images our search makes
/// for the same particles: the angle, defocus and astigmatism mapping of <see cref="RelionParticleStar"/> is right,
/// and the tempting wrong ones (transposed rotation, defocus order kept without turning the angle) are told apart.
/// </summary>
public sealed class RelionConventionTests(ITestOutputHelper log) : IDisposable
{
    private const int Size = 64;
    private const double PixelSize = 1.5;

    private static readonly EulerAngles[] Orientations =
    [
        new(0, 0, 0), new(30, 45, 60), new(100, 70, 200), new(250, 120, 10), new(-40, 160, 95), new(10, 90, -30),
    ];

    // Astigmatic with the larger defocus given second: Leopard-EM puts it along 30° all the same.
    private static readonly CtfParameters Ctf = new(8000, 11000, 30, 300, 2.7, 0.07);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [RelionFact]
    public void Relion_projects_our_particles_as_our_search_does_and_wrong_mappings_do_not()
    {
        var template = DemoTemplate.Create(Size);
        MrcWriter.Write(_dir.File("template.mrc"), template, overwrite: false, new MrcWriteOptions { VoxelSize = new System.Numerics.Vector3((float)PixelSize) });
        var spectrum = TemplateSpectrum.FromVolume(template, FftEngines.Default);
        var ours = Orientations.Select(a => ReferenceImages.Project(spectrum, a, Ctf, PixelSize)).ToArray();

        var exported = Correlations(ours, Orientations.Select(a => Particle(a, Ctf.DefocusU, Ctf.DefocusV, Ctf.AstigmatismAngle)));
        var transposed = Correlations(ours, Orientations.Select(a => Particle(a.ToMatrix().Transpose().ToEuler(), Ctf.DefocusU, Ctf.DefocusV, Ctf.AstigmatismAngle)));
        // Writing U and V in Leopard-EM's order would put RELION's U, the smaller here, along the angle.
        var smallerAlongAngle = Correlations(ours, Orientations.Select(a => Particle(a, Ctf.DefocusU, Ctf.DefocusV, Ctf.AstigmatismAngle + 90)));
        var mirroredAngle = Correlations(ours, Orientations.Select(a => Particle(a, Ctf.DefocusU, Ctf.DefocusV, -Ctf.AstigmatismAngle)));
        log.WriteLine($"exported {Format(exported)}\ntransposed {Format(transposed)}\nsmaller defocus along the angle {Format(smallerAlongAngle)}\nangle mirrored {Format(mirroredAngle)}");

        Assert.All(exported, c => Assert.InRange(c, 0.98, 1));
        Assert.All(transposed.Skip(1), c => Assert.InRange(c, -1, 0.9));
        Assert.All(smallerAlongAngle, c => Assert.InRange(c, -1, 0.9));
        Assert.All(mirroredAngle, c => Assert.InRange(c, -1, 0.9));
    }

    private static ParticleRecord Particle(EulerAngles angles, double u, double v, double angle) => new()
    {
        MicrographPath = "none.mrc",
        X = 0,
        Y = 0,
        Orientation = angles,
        DefocusU = u,
        DefocusV = v,
        AstigmatismAngle = angle,
    };

    // Projects the particles with RELION from our STAR file and correlates each image with ours.
    private double[] Correlations(Image2D[] ours, IEnumerable<ParticleRecord> particles)
    {
        var set = new ParticleSet([ParticleSets.Optics(imageSize: Size, pixelSize: PixelSize)], [.. particles]);
        var name = $"angles{Guid.NewGuid():N}";
        RelionParticleStar.Write(_dir.File(name + ".star"), set, overwrite: false);
        RelionPrograms.Run(_dir.Path, "relion_project", "--i", "template.mrc", "--o", name, "--ang", name + ".star", "--ctf", "--angpix", "1.5");
        var theirs = MrcReader.ReadStack(_dir.File(name + ".mrcs"));
        Assert.Equal(ours.Length, theirs.Length);
        return [.. ours.Select((image, i) => Correlation.Pearson(image.Data, theirs[i].Data))];
    }

    private static string Format(double[] values) => string.Join(" ", values.Select(v => v.ToString("F3", System.Globalization.CultureInfo.InvariantCulture)));
}
