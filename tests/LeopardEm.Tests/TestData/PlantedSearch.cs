using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.TestData;

/// <summary>
/// Four particles planted between the grid points of a coarse search (12 degree steps, defocus planes 400 Å apart) in a
/// 128 x 128 micrograph with a 32³ blob template at 2 Å/px; match_template run on that grid (files in a temporary
/// directory) and refine_template run on a fine local grid (3 degrees, 100 Å). Shared by the tests of
/// <see cref="Collection"/>; about 3 s on two cores.
/// </summary>
public sealed class PlantedSearch : IDisposable
{
    /// <summary>Name of the xunit collection that shares one instance.</summary>
    public const string Collection = "Planted search";

    public const double PixelSize = 2.0;
    public const double CoarseStep = 12;
    public const double FineStep = 3;
    public const double DefocusFineStep = 100;
    private const int TemplateSize = 32;
    private readonly TempDirectory _directory = new();

    public PlantedSearch()
    {
        var template = PlantedParticles.BlobTemplate(TemplateSize, 24, 1.2, seed: 7);
        var optics = new OpticsGroup
        {
            Label = "planted",
            PixelSize = PixelSize,
            Voltage = 300,
            DefocusU = 9000,
            DefocusV = 8600,
            AstigmatismAngle = 30,
        };
        var coarseSampling = new OrientationSearchConfig { PsiStep = CoarseStep, ThetaStep = CoarseStep };
        var grid = coarseSampling.GenerateOrientations();
        EulerAngles GridPoint(double theta, int nth) => grid.Where(o => Math.Abs(o.Theta - theta) < 1e-6 && o.Phi > 0).Skip(nth).First();
        var poses = new (int Y, int X, EulerAngles Coarse, EulerAngles Offset, double Defocus)[]
        {
            (0, 44, GridPoint(48, 3), new(3, -3, 3), 100),
            (40, 4, GridPoint(72, 40), new(-3, 3, 3), -300),
            (44, 84, GridPoint(108, 70), new(3, 3, -3), 300),
            (88, 40, GridPoint(12, 25), new(-3, -3, -3), -100),
        };
        Truth = [.. poses.Select(p => new PlantedParticle(p.Y, p.X, SymmetricLocalOffsets.Compose(p.Offset, p.Coarse), p.Defocus))];
        Template = template;
        var micrograph = PlantedParticles.Micrograph(
            template, 128, 128, MatchTemplateInputsBuilder.CtfOf(optics), PixelSize, Truth, noise: 0.3, seed: 11);
        MrcWriter.Write(_directory.File("template.mrc"), template, overwrite: false);
        MrcWriter.Write(_directory.File("micrograph.mrc"), micrograph, overwrite: false);
        Micrograph = micrograph;

        var match = new MatchTemplateSettings
        {
            MicrographPath = "micrograph.mrc",
            TemplateVolumePath = "template.mrc",
            OpticsGroup = optics,
            DefocusSearchConfig = new DefocusSearchConfig { DefocusMin = -400, DefocusMax = 400, DefocusStep = 400 },
            OrientationSearchConfig = coarseSampling,
            PreprocessingFilters = new PreprocessingFilters(),
            MatchTemplateResult = Settings.SampleSettings.Result("maps"),
            ComputationalConfig = new ComputationalConfigMatch(),
        };
        using (var matchJob = MatchTemplateJob.Prepare(match, _directory.Path, new MatchTemplateOptions { OutputCsvPath = "particles.csv", ZScoreCutoff = 6.5, MaskRadius = 12 }))
        {
            Coarse = matchJob.Run(null, CancellationToken.None);
        }

        // ±12 degrees in 3 degree steps (729 offsets), ±400 Å in 100 Å steps.
        RefineSettings = RefineTemplateSettings.ForMatchTemplate(match, "particles.csv", TemplateSize, TemplateSize + 8, subdivisions: 4);
        Job = RefineTemplateJob.Prepare(RefineSettings, _directory.Path, new RefineTemplateOptions { OutputCsvPath = "refined.csv" });
        Refined = Job.Run(null, CancellationToken.None);
    }

    public IReadOnlyList<PlantedParticle> Truth { get; }

    public Volume3D Template { get; }

    public Image2D Micrograph { get; }

    public RefineTemplateSettings RefineSettings { get; }

    public MatchTemplateOutcome Coarse { get; }

    public RefineTemplateJob Job { get; }

    public RefineTemplateOutcome Refined { get; }

    public string Directory => _directory.Path;

    /// <summary>The row of the particle table holding the peak of <paramref name="truth"/> (within 2 px).</summary>
    public int RowOf(PlantedParticle truth) => Enumerable.Range(0, Job.Particles.Count).Single(i =>
        Math.Abs(Job.Particles[i].Y - truth.Y) <= 2 && Math.Abs(Job.Particles[i].X - truth.X) <= 2);

    public void Dispose()
    {
        Job.Dispose();
        _directory.Dispose();
    }
}

/// <summary>Shares one <see cref="PlantedSearch"/> between test classes.</summary>
[CollectionDefinition(PlantedSearch.Collection)]
public sealed class PlantedSearchCollection : ICollectionFixture<PlantedSearch>;
