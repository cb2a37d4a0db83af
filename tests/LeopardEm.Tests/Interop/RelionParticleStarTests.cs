using LeopardEm.Interop;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Interop;

public sealed class RelionParticleStarTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Particles_round_trip_with_paths_resolved_against_the_star_file()
    {
        var set = ParticleSets.Mixed();
        var path = _dir.File("particles.star");

        RelionParticleStar.Write(path, set, overwrite: false);
        var read = RelionParticleStar.Read(path);

        Assert.Equal(set.Optics, read.Optics);
        Assert.Equal(1.06, read.OpticsOf(read.Particles[2].OpticsGroup).MicrographPixelSize);
        Assert.Throws<KeyNotFoundException>(() => read.OpticsOf(3));
        Assert.Equal("scaled_mip", read.FigureOfMeritName);
        Assert.Equal(set.Particles.Count, read.Particles.Count);
        for (var i = 0; i < set.Particles.Count; i++)
        {
            // The larger defocus is written first; Leopard-EM puts the larger along the angle either way.
            var expected = set.Particles[i] with
            {
                MicrographPath = Path.GetFullPath(Path.Combine(_dir.Path, set.Particles[i].MicrographPath)),
                DefocusU = Math.Max(set.Particles[i].DefocusU, set.Particles[i].DefocusV),
                DefocusV = Math.Min(set.Particles[i].DefocusU, set.Particles[i].DefocusV),
            };
            Assert.Equal(expected, read.Particles[i]);
        }
    }

    [Fact]
    public void A_micrograph_directory_replaces_the_folders_of_relion_names()
    {
        var path = _dir.File("p.star");
        RelionParticleStar.Write(path, ParticleSets.Mixed(), overwrite: false);

        var read = RelionParticleStar.Read(path, micrographDirectory: "/data/mics");

        Assert.Equal(["/data/mics/a b.mrc", "/data/mics/a b.mrc", "/data/mics/c.mrc"], read.Particles.Select(p => p.MicrographPath));
    }

    [Fact]
    public void The_written_file_has_relion_3_1_blocks_and_columns()
    {
        var document = StarReader.Parse(StarWriter.Format(RelionParticleStar.ToStar(ParticleSets.Mixed())));

        Assert.Equal(
            ["rlnOpticsGroupName", "rlnOpticsGroup", "rlnVoltage", "rlnSphericalAberration", "rlnAmplitudeContrast",
             "rlnMicrographOriginalPixelSize", "rlnImagePixelSize", "rlnImageSize", "rlnImageDimensionality"],
            document.Block("optics").Table().Columns);
        Assert.Equal(
            ["rlnMicrographName", "rlnCoordinateX", "rlnCoordinateY", "rlnAngleRot", "rlnAngleTilt", "rlnAnglePsi",
             "rlnDefocusU", "rlnDefocusV", "rlnDefocusAngle", "rlnPhaseShift", "rlnOpticsGroup",
             "rlnAutopickFigureOfMerit", "rlnImageName"],
            document.Block("particles").Table().Columns);
        var second = document.Block("particles").Table().Row(1);
        Assert.Equal(["mics/a b.mrc", "98", "0", "-170.25", "0.5", "359.75", "10000", "9000", "-45", "90", "1", "7.5", "000002@stack.mrcs"], second);
        Assert.Contains(" version 30001", document.Block("particles").Comments);
    }

    [Fact]
    public void Scores_and_image_names_are_written_only_when_every_particle_has_one()
    {
        var set = ParticleSets.Mixed();
        var none = set with { Particles = [.. set.Particles.Select(p => p with { FigureOfMerit = null, ImageName = null })] };
        var columns = RelionParticleStar.ToStar(none).Block("particles").Table().Columns;
        Assert.DoesNotContain("rlnAutopickFigureOfMerit", columns);
        Assert.DoesNotContain("rlnImageName", columns);

        var some = set with { Particles = [set.Particles[0] with { ImageName = null }, .. set.Particles.Skip(1)] };
        Assert.Contains("2 of 3 particles have an image name", Assert.Throws<ArgumentException>(() => RelionParticleStar.ToStar(some)).Message);
        var orphan = set with { Particles = [set.Particles[0] with { OpticsGroup = 3 }] };
        Assert.Throws<ArgumentException>(() => RelionParticleStar.ToStar(orphan));
        var nan = set with { Particles = [set.Particles[0] with { X = double.NaN }] };
        Assert.Throws<ArgumentException>(() => RelionParticleStar.ToStar(nan));
    }

    [Fact]
    public void Relion_origins_shift_the_centre_and_smaller_first_defoci_turn_the_angle()
    {
        const string text = "data_optics\nloop_\n_rlnOpticsGroup\n_rlnVoltage\n_rlnSphericalAberration\n_rlnAmplitudeContrast\n" +
                            "_rlnImagePixelSize\n_rlnImageSize\n_rlnMicrographPixelSize\n1 200 1.4 0.1 2.0 96 1.0\n\n" +
                            "data_particles\nloop_\n_rlnMicrographName\n_rlnCoordinateX\n_rlnCoordinateY\n_rlnOriginXAngst\n" +
                            "_rlnOriginYAngst\n_rlnAngleRot\n_rlnAngleTilt\n_rlnAnglePsi\n_rlnDefocusU\n_rlnDefocusV\n" +
                            "_rlnDefocusAngle\nMovies/m.mrc 100 80 3 -6 10 20 30 9000 10000 120\n";
        var set = RelionParticleStar.FromStar(StarReader.Parse(text, "r.star"), "/project");

        var particle = Assert.Single(set.Particles);
        // RELION re-extracts at coordinate − origin / micrograph pixel size (checked with relion_preprocess --recenter).
        Assert.Equal((97.0, 86.0), (particle.X, particle.Y));
        Assert.Equal((10000.0, 9000.0, -150.0), (particle.DefocusU, particle.DefocusV, particle.AstigmatismAngle));
        Assert.Equal("/project/Movies/m.mrc", particle.MicrographPath);
        Assert.Equal(1, particle.OpticsGroup);
        Assert.Null(particle.FigureOfMerit);
        Assert.Null(set.FigureOfMeritName);
        Assert.Equal((1.0, 2.0), (set.Optics[0].MicrographPixelSize, set.Optics[0].ImagePixelSize));
    }

    [Theory]
    [InlineData("data_particles\nloop_\n_rlnMicrographName\nm.mrc\n", 0, "no data_optics block")]
    [InlineData("data_optics\nloop_\n_rlnOpticsGroup\n_rlnVoltage\n1 300\n", 2, "_rlnSphericalAberration, _rlnAmplitudeContrast, _rlnImagePixelSize, _rlnImageSize")]
    [InlineData(Optics + "data_particles\nloop_\n_rlnMicrographName\n_rlnCoordinateX\nm.mrc 1\n", 11, "_rlnCoordinateY")]
    [InlineData(Optics + Columns + "m.mrc 1 2 0 0 0 9000 9000 0 2\n", 22, "optics group 2 is not in data_optics")]
    [InlineData(Optics + Columns + "m.mrc 1 2 0 zero 0 9000 9000 0 1\n", 22, "expected a number for _rlnAngleTilt, got 'zero'")]
    [InlineData(Optics + Columns + "m.mrc 1 2 0 0 0 9000 9000 0\n", 22, "expected 10 values")]
    public void Malformed_particle_files_name_the_line(string text, int line, string message)
    {
        var e = Assert.Throws<StarFormatException>(() => RelionParticleStar.FromStar(StarReader.Parse(text, "p.star"), "/"));
        Assert.Equal(line, e.Line);
        Assert.Contains(message, e.Message);
    }

    private const string Optics = "data_optics\nloop_\n_rlnOpticsGroup\n_rlnVoltage\n_rlnSphericalAberration\n_rlnAmplitudeContrast\n" +
                                  "_rlnImagePixelSize\n_rlnImageSize\n1 300 2.7 0.07 1.5 64\n";

    private const string Columns = "data_particles\nloop_\n_rlnMicrographName\n_rlnCoordinateX\n_rlnCoordinateY\n_rlnAngleRot\n" +
                                   "_rlnAngleTilt\n_rlnAnglePsi\n_rlnDefocusU\n_rlnDefocusV\n_rlnDefocusAngle\n_rlnOpticsGroup\n";
}
