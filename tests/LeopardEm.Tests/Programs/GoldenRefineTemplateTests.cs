using System.Globalization;
using LeopardEm.Io;
using LeopardEm.Orientations;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Programs;

/// <summary>
/// Refines the particles Leopard-EM found in the golden case (shared/golden/leopard-em-1: its particle table and
/// statistics maps, as Leopard-EM wrote them) that were planted between its 10 degree grid points, on a ±10 degree
/// local grid in 5 degree steps and ±500 Å in 250 Å steps (about 1 s).
/// </summary>
public sealed class GoldenRefineTemplateTests
{
    private const string Case = "golden/leopard-em-1";
    private readonly ITestOutputHelper _log;

    public GoldenRefineTemplateTests(ITestOutputHelper log) => _log = log;

    /// <summary>Each angular error falls below half the fine step (measured 1.3 to 2.1 degrees, from 4.2 to 7.4), the
    /// defocus does not move away from the truth, and the z-score rises.</summary>
    [SharedDataFact(Case + "/leopard-em-output/results.csv")]
    public void Off_grid_particles_move_towards_their_true_poses()
    {
        var root = SharedData.Find(Case)!;
        var found = ParticleTableCsv.Read(Path.Combine(root, "leopard-em-output/results.csv"));
        var truth = ParticleTableCsv.Read(Path.Combine(root, "inputs/ground_truth.csv"));
        var offGrid = Enumerable.Range(0, truth.Rows.Count).Where(i => truth[i, "on_grid"] is false).ToList();
        Assert.NotEmpty(offGrid);
        using var directory = new TempDirectory();
        var subset = new ParticleTable(found.Columns);
        var planted = new List<(RotationMatrix Rotation, double Defocus)>();
        foreach (var t in offGrid)
        {
            var row = Enumerable.Range(0, found.Rows.Count).Single(r =>
                Math.Abs(Convert.ToInt32(found[r, "pos_x_img"], CultureInfo.InvariantCulture) - Convert.ToInt32(truth[t, "x"], CultureInfo.InvariantCulture)) <= 1
                && Math.Abs(Convert.ToInt32(found[r, "pos_y_img"], CultureInfo.InvariantCulture) - Convert.ToInt32(truth[t, "y"], CultureInfo.InvariantCulture)) <= 1);
            subset.Add(found.Columns.ToDictionary(c => c, c => found[row, c]));
            planted.Add((new EulerAngles((double)truth[t, "phi"]!, (double)truth[t, "theta"]!, (double)truth[t, "psi"]!).ToMatrix(),
                (double)truth[t, "relative_defocus"]!));
        }

        var table = directory.File("off-grid.csv");
        ParticleTableCsv.Write(table, subset, overwrite: false);
        var settings = new RefineTemplateSettings
        {
            TemplateVolumePath = "inputs/template.mrc",
            ParticleStack = new ParticleStackConfig { DfPath = table, ExtractedBoxSize = ImageShape.Square(136), OriginalTemplateSize = ImageShape.Square(128) },
            DefocusRefinementConfig = new DefocusSearchConfig { DefocusMin = -500, DefocusMax = 500, DefocusStep = 250 },
            PixelSizeRefinementConfig = new PixelSizeSearchConfig(),
            OrientationRefinementConfig = new RefineOrientationConfig
            {
                PhiStepCoarse = 10,
                PhiStepFine = 5,
                ThetaStepCoarse = 10,
                ThetaStepFine = 5,
                PsiStepCoarse = 10,
                PsiStepFine = 5,
            },
            PreprocessingFilters = MatchTemplateConfigOf(root).PreprocessingFilters,
            ComputationalConfig = new ComputationalConfigMatch(),
        };

        using var job = RefineTemplateJob.Prepare(settings, root, new RefineTemplateOptions());
        var refined = job.Run(null, CancellationToken.None).Particles;
        Assert.Equal(offGrid.Count, refined.Count);

        for (var i = 0; i < refined.Count; i++)
        {
            var (source, result) = (refined[i].Source, refined[i].Refinement);
            var coarseError = source.Orientation.ToMatrix().AngleTo(planted[i].Rotation);
            var refinedError = result.Orientation.ToMatrix().AngleTo(planted[i].Rotation);
            _log.WriteLine(
                $"particle at ({source.CentreX}, {source.CentreY}): angle error " +
                $"{coarseError:F2} -> {refinedError:F2} deg, z {source.ZScore:F3} -> {result.ZScore:F3}, defocus " +
                $"{source.RelativeDefocus:F0} -> {refined[i].RelativeDefocus:F0} (true {planted[i].Defocus:F0})");

            Assert.True(refinedError < 2.5, $"particle {i}: angular error {coarseError:F2} -> {refinedError:F2} deg");
            Assert.True(result.ZScore > source.ZScore, $"particle {i}: z {source.ZScore} -> {result.ZScore}");
            Assert.True(Math.Abs(refined[i].RelativeDefocus - planted[i].Defocus) <= Math.Abs(source.RelativeDefocus - planted[i].Defocus));
        }
    }

    private static MatchTemplateSettings MatchTemplateConfigOf(string root) =>
        LeopardEm.Config.MatchTemplateConfig.Load(Path.Combine(root, "match_template_config.yaml")).Settings;
}
