using LeopardEm.Demo;
using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Particles;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.TestData;

/// <summary>
/// A synthetic two-part complex for constrained_search, at 1 Å/px with 32 px templates: a weak particle A (36 broad blobs
/// about the box centre) and a small particle B (40 sharp blobs about <see cref="CenterVoxels"/>), B's template in A's
/// frame. Four complexes sit in a 128 x 128 micrograph, each with A at its own orientation and depth (relative defocus
/// ±500–800 Å), B turned relative to A by a known rotation between the points of the constrained grid (a 10 degree roll
/// grid about a tilted axis) and at A's defocus minus its depth plus a known offset. A's table is written from the
/// planted poses, as a refinement would give them; match_template runs with B's template on a 15 degree grid at the
/// micrograph's defocus, giving B's statistics maps (it does not find B, whose defocus it misses); the constrained search
/// is configured on those files in a temporary directory. About 3 s on two cores.
/// </summary>
public sealed class ConstrainedComplex : IDisposable
{
    /// <summary>Name of the xunit collection that shares one instance.</summary>
    public const string Collection = "Constrained complex";

    public const double PixelSize = 1.0;
    public const int TemplateSize = 32;
    public const int BoxSize = 36;
    public const double FineStep = 10;
    public const double DefocusStep = 200;
    public const double RollAngle = 45;
    public static readonly EulerAngles Axis = new(40, 70, 0);
    public static readonly (double X, double Y, double Z) CenterVoxels = (7, 5, 3);
    private const double CoarseStep = 15;
    private const double Noise = 0.3;
    private readonly TempDirectory _directory = new();

    public ConstrainedComplex()
    {
        // A: broad blobs, weak; B: many small sharp blobs about its centre, so that its correlation is specific to its
        // orientation and defocus.
        var random = new Random(5);
        var a = BlobVolume.Render(TemplateSize, Blobs(random, 36, (0, 0, 0), radius: 7, sigma: 1.6, height: 0.15));
        var b = BlobVolume.Render(TemplateSize, Blobs(random, 40, CenterVoxels, radius: 5, sigma: 0.5, height: 1.5));
        var optics = new OpticsGroup
        {
            Label = "complex",
            PixelSize = PixelSize,
            Voltage = 300,
            DefocusU = 10000,
            DefocusV = 9600,
            AstigmatismAngle = 30,
        };
        var coarse = new OrientationSearchConfig { PsiStep = CoarseStep, ThetaStep = CoarseStep };
        var grid = coarse.GenerateOrientations();
        EulerAngles GridPoint(double theta, int nth) => grid.Where(o => Math.Abs(o.Theta - theta) < 1e-6 && o.Phi > 0).Skip(nth).First();
        // A's orientation (varied: points of the full search's grid) and relative defocus; B's raw offset (tilt theta,
        // spin psi) between the constrained grid's points; B's defocus offset from A's minus its depth.
        var complexes = new (int Y, int X, EulerAngles A, double ADefocus, double Theta, double Psi, double Defocus)[]
        {
            (4, 8, GridPoint(45, 3), 700, -7, 13, 150),
            (8, 80, GridPoint(90, 11), -600, 4, -18, -250),
            (76, 12, GridPoint(120, 5), 500, 12, 3, 50),
            (84, 84, GridPoint(30, 2), -800, -16, -26, -120),
        };
        Center = new CenterVector(CenterVoxels.X * PixelSize, CenterVoxels.Y * PixelSize, CenterVoxels.Z * PixelSize);
        var toAxis = Axis.ToMatrix();
        Truth = [.. complexes.Select(c =>
        {
            var raw = new EulerAngles(RollAngle + c.Psi, c.Theta, 360 - RollAngle);
            var relative = toAxis * raw.ToMatrix() * toAxis.Transpose();
            var depth = Center.DepthAt(c.A);
            return new PlantedComplex(c.Y, c.X, c.A, c.ADefocus, c.Theta, c.Psi, relative * c.A.ToMatrix(), c.ADefocus - depth + c.Defocus);
        })];

        var ctf = MatchTemplateInputsBuilder.CtfOf(optics);
        var micrograph = PlantedParticles.Micrograph(
            a, 128, 128, ctf, PixelSize, [.. Truth.Select(t => new PlantedParticle(t.Y, t.X, t.A.ToMatrix(), t.ARelativeDefocus))], Noise, seed: 3);
        var bImage = PlantedParticles.Micrograph(
            b, 128, 128, ctf, PixelSize, [.. Truth.Select(t => new PlantedParticle(t.Y, t.X, t.B, t.BRelativeDefocus))], 0, seed: 0);
        for (var i = 0; i < micrograph.Data.Length; i++)
        {
            micrograph.Data[i] += bImage.Data[i];
        }

        MrcWriter.Write(_directory.File("a.mrc"), a, overwrite: false);
        MrcWriter.Write(_directory.File("b.mrc"), b, overwrite: false);
        MrcWriter.Write(_directory.File("micrograph.mrc"), micrograph, overwrite: false);
        var searchB = new MatchTemplateSettings
        {
            MicrographPath = "micrograph.mrc",
            TemplateVolumePath = "b.mrc",
            OpticsGroup = optics,
            DefocusSearchConfig = new DefocusSearchConfig { Enabled = false },
            OrientationSearchConfig = coarse,
            PreprocessingFilters = new PreprocessingFilters(),
            MatchTemplateResult = LeopardEm.Tests.Settings.SampleSettings.Result("maps_b"),
            ComputationalConfig = new ComputationalConfigMatch(),
        };
        var searchA = searchB with { TemplateVolumePath = "a.mrc", MatchTemplateResult = LeopardEm.Tests.Settings.SampleSettings.Result("maps_a") };
        // A's table as match_template would write it for the planted poses (its scores are not used).
        var table = MatchTemplateParticleColumns.ToTable(Truth.Select((t, i) => new MatchTemplateParticle
        {
            Index = i,
            Mip = 0,
            ZScore = 0,
            CorrelationMean = 0,
            CorrelationStandardDeviation = 1,
            TotalCorrelations = grid.Length,
            X = t.X,
            Y = t.Y,
            TemplateSize = TemplateSize,
            Phi = (float)t.A.Phi,
            Theta = (float)t.A.Theta,
            Psi = (float)t.A.Psi,
            RelativeDefocus = (float)t.ARelativeDefocus,
            PixelSize = (float)PixelSize,
            Settings = searchA,
        }));
        ParticleTableCsv.Write(_directory.File("a.csv"), table, overwrite: false);

        // B's table only has to name B's maps; a low cutoff gives it rows (noise peaks).
        using (var job = MatchTemplateJob.Prepare(searchB, _directory.Path, new MatchTemplateOptions { OutputCsvPath = "b.csv", ZScoreCutoff = 3, MaskRadius = 30 }))
        {
            SearchB = job.Run(null, CancellationToken.None);
        }

        Settings = new ConstrainedSearchSettings
        {
            TemplateVolumePath = "b.mrc",
            CenterVector = Center,
            ParticleStackReference = new ParticleStackConfig
            {
                DfPath = "a.csv",
                ExtractedBoxSize = ImageShape.Square(BoxSize),
                OriginalTemplateSize = ImageShape.Square(TemplateSize),
            },
            ParticleStackConstrained = new ParticleStackConfig
            {
                DfPath = "b.csv",
                ExtractedBoxSize = ImageShape.Square(BoxSize),
                OriginalTemplateSize = ImageShape.Square(TemplateSize),
            },
            DefocusRefinementConfig = new DefocusSearchConfig { DefocusMin = -2 * DefocusStep, DefocusMax = 2 * DefocusStep, DefocusStep = DefocusStep },
            OrientationRefinementConfig = new ConstrainedOrientationConfig
            {
                BaseGridMethod = ConstrainedGridMethod.Roll,
                RotationAxisEulerAngles = Axis,
                SearchRollAxis = false,
                RollAxis = (1, 1),
                ThetaStep = FineStep,
                ThetaMin = -2 * FineStep,
                ThetaMax = 2 * FineStep,
                PsiStep = FineStep,
                PsiMin = -3 * FineStep,
                PsiMax = 3 * FineStep,
            },
            PreprocessingFilters = new PreprocessingFilters(),
            ComputationalConfig = new ComputationalConfigMatch(),
        };
        Job = ConstrainedSearchJob.Prepare(Settings, Directory, new ConstrainedSearchOptions { OutputCsvPath = "constrained.csv" });
        Outcome = Job.Run(null, CancellationToken.None);
    }

    /// <summary>The constrained search on <see cref="Settings"/>, writing constrained.csv and its companions.</summary>
    public ConstrainedSearchJob Job { get; }

    /// <summary>What <see cref="Job"/> found.</summary>
    public ConstrainedSearchOutcome Outcome { get; }

    /// <summary>The planted complexes, in the order of A's table.</summary>
    public IReadOnlyList<PlantedComplex> Truth { get; }

    /// <summary>B's centre relative to A's in A's frame, Å.</summary>
    public CenterVector Center { get; }

    /// <summary>The full search with B's template (the statistics the constrained search scores against).</summary>
    public MatchTemplateOutcome SearchB { get; }

    /// <summary>Constrained-search settings for the files in <see cref="Directory"/>.</summary>
    public ConstrainedSearchSettings Settings { get; }

    public string Directory => _directory.Path;

    public string File(string name) => _directory.File(name);

    /// <summary>The match next to planted complex <paramref name="truth"/>.</summary>
    public ConstrainedParticle MatchOf(PlantedComplex truth) =>
        Outcome.Particles.Single(p => p.Reference.X == truth.X && p.Reference.Y == truth.Y);

    /// <summary>
    /// The fixture's settings as a YAML file <paramref name="name"/>.yaml (after <paramref name="edit"/>), with absolute
    /// paths in it and in copies of both tables, so that the command does not depend on the working directory.
    /// </summary>
    public string WriteConfig(string name, Func<string, string>? edit = null)
    {
        var settings = Settings with
        {
            TemplateVolumePath = File("b.mrc"),
            ParticleStackReference = Settings.ParticleStackReference with { DfPath = ParticleTablePaths.WriteAbsolute(Directory, "a.csv", $"{name}-a.csv") },
            ParticleStackConstrained = Settings.ParticleStackConstrained with { DfPath = ParticleTablePaths.WriteAbsolute(Directory, "b.csv", $"{name}-b.csv") },
        };
        var yaml = LeopardEm.Config.ConstrainedSearchConfig.ToYaml(settings);
        var path = File(name + ".yaml");
        System.IO.File.WriteAllText(path, edit is null ? yaml : edit(yaml));
        return path;
    }

    public void Dispose()
    {
        Job.Dispose();
        _directory.Dispose();
    }

    // Blobs uniformly inside a sphere of the given radius (voxels) about a centre (voxels from the box centre), heights
    // between 0.5 and 1.5 times the given one.
    private static IEnumerable<GaussianBlob> Blobs(
        Random random, int count, (double X, double Y, double Z) centre, double radius, double sigma, double height)
    {
        for (var i = 0; i < count; i++)
        {
            double x, y, z;
            do
            {
                (x, y, z) = (2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1);
            }
            while (x * x + y * y + z * z > 1);

            yield return new GaussianBlob(centre.X + radius * x, centre.Y + radius * y, centre.Z + radius * z, sigma, height * (0.5 + random.NextDouble()));
        }
    }
}

/// <summary>One planted complex: A's top-left corner (pixels; B shares A's box) and orientation, B's raw offset (tilt
/// <paramref name="Theta"/>, spin <paramref name="Psi"/>, degrees) and orientation, B's relative defocus (Å).</summary>
public sealed record PlantedComplex(int Y, int X, EulerAngles A, double ARelativeDefocus, double Theta, double Psi, RotationMatrix B, double BRelativeDefocus);

/// <summary>Shares one <see cref="ConstrainedComplex"/> between test classes.</summary>
[CollectionDefinition(ConstrainedComplex.Collection)]
public sealed class ConstrainedComplexCollection : ICollectionFixture<ConstrainedComplex>;
