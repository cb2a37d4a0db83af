using LeopardEm.Imaging;
using LeopardEm.Io;
using LeopardEm.Optics;
using LeopardEm.Orientations;
using LeopardEm.Particles;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.Io;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Programs;

/// <summary>
/// Plants particles between the grid points of a coarse search, finds them with match_template on that grid and
/// refines them with refine_template on a fine local grid (through the files both programs write).
/// </summary>
[Collection(PlantedSearch.Collection)]
public sealed class RefineTemplateJobTests
{
    private readonly PlantedSearch _planted;
    private readonly ITestOutputHelper _log;

    public RefineTemplateJobTests(PlantedSearch planted, ITestOutputHelper log)
    {
        _planted = planted;
        _log = log;
    }

    /// <summary>
    /// The acceptance test: every planted particle lies more than a fine step from the coarse grid; after
    /// refinement its orientation is within one fine step (in fact on it: the planted poses are fine-grid points), its
    /// position is exact, its defocus within one fine defocus step, and its z-score is at least the coarse one (float
    /// rounding aside: 1e-5 relative).
    /// </summary>
    [Fact]
    public void Refinement_recovers_planted_poses_between_coarse_grid_points()
    {
        Assert.Equal(_planted.Truth.Count, _planted.Refined.Particles.Count);
        foreach (var truth in _planted.Truth)
        {
            var i = _planted.RowOf(truth);
            var refined = _planted.Refined.Particles[i];
            var (source, result) = (refined.Source, refined.Refinement);
            var coarseError = source.Orientation.ToMatrix().AngleTo(truth.Rotation);
            var refinedError = result.Orientation.ToMatrix().AngleTo(truth.Rotation);
            var coarseZ = source.ZScore;
            var defocus = refined.RelativeDefocus;
            _log.WriteLine(
                $"particle {i}: angle error {coarseError:F2} -> {refinedError:F3} deg, z {coarseZ:F3} -> {result.ZScore:F3}, " +
                $"MIP {source.Mip:F2} -> {result.CrossCorrelation:F2}, defocus {source.RelativeDefocus:F0} -> " +
                $"{defocus:F0} Å (planted {truth.RelativeDefocus:F0})");

            Assert.True(coarseError > PlantedSearch.FineStep, $"particle {i} was planted only {coarseError:F2} deg from the coarse grid");
            Assert.True(refinedError < PlantedSearch.FineStep, $"particle {i}: refined angular error {refinedError:F2} deg");
            Assert.True(result.ZScore >= coarseZ * (1 - 1e-5), $"particle {i}: z {coarseZ} -> {result.ZScore}");
            Assert.Equal((truth.Y, truth.X), (refined.Y, refined.X));
            Assert.InRange(defocus - truth.RelativeDefocus, -PlantedSearch.DefocusFineStep, PlantedSearch.DefocusFineStep);
        }
    }

    [Fact]
    public void Refined_table_has_leopard_columns_and_continues_from_the_coarse_values()
    {
        var written = ParticleTableCsv.Read(Path.Combine(_planted.Directory, "refined.csv"));
        Assert.Equal(ParticleColumns.Refined, written.Columns);
        var stack = _planted.Job.Particles;
        for (var i = 0; i < stack.Count; i++)
        {
            var result = _planted.Refined.Particles[i].Refinement;
            Assert.Equal(stack.Table[i, "particle_index"], written[i, "particle_index"]);
            Assert.Equal((int)stack.Table[i, "pos_x"]! + result.ShiftX, written[i, "refined_pos_x"]);
            Assert.Equal((int)stack.Table[i, "pos_y_img"]! + result.ShiftY, written[i, "refined_pos_y_img"]);
            Assert.Equal(
                stack[i].CentreXAngstrom + result.ShiftX * PlantedSearch.PixelSize, (double)written[i, "refined_pos_x_img_angstrom"]!, 1e-9);
            Assert.Equal(result.CrossCorrelation, (double)written[i, "refined_mip"]!, 1e-6);
            Assert.Equal(result.ZScore, (double)written[i, "refined_scaled_mip"]!, 1e-6);
            Assert.Equal(result.Orientation.Psi, (double)written[i, "refined_psi"]!, 1e-4);
            Assert.Equal(stack[i].RelativeDefocus + result.DefocusOffset, (double)written[i, "refined_relative_defocus"]!, 1e-3);
            Assert.Equal(PlantedSearch.PixelSize, (double)written[i, "refined_pixel_size"]!, 1e-9);
        }
    }

    /// <summary>
    /// With a single offset of each kind the refinement evaluates the coarse search's own pose at the coarse position,
    /// so it must reproduce the coarse MIP and z-score: both use the same filtering, normalisation and statistics
    /// (tolerance 1e-4 relative, the rounding of FFTs of different sizes).
    /// </summary>
    [Fact]
    public void Without_offsets_the_refinement_reproduces_the_coarse_scores()
    {
        var settings = _planted.RefineSettings with
        {
            OrientationRefinementConfig = new RefineOrientationConfig { Enabled = false },
            DefocusRefinementConfig = new DefocusSearchConfig { Enabled = false },
        };
        using var job = RefineTemplateJob.FromMatchTemplate(
            settings, _planted.Micrograph, _planted.Template, _planted.Coarse, new RefineTemplateOptions());
        var results = job.Run(null, CancellationToken.None).Particles.Select(p => p.Refinement).ToList();
        for (var i = 0; i < job.Particles.Count; i++)
        {
            var (mip, z) = (job.Particles[i].Mip, job.Particles[i].ZScore);
            _log.WriteLine($"{i}: mip {mip} -> {results[i].CrossCorrelation}, z {z} -> {results[i].ZScore}, shift {results[i].ShiftY},{results[i].ShiftX}");
        }

        for (var i = 0; i < job.Particles.Count; i++)
        {
            var (mip, z) = (job.Particles[i].Mip, job.Particles[i].ZScore);
            Assert.Equal(mip, results[i].CrossCorrelation, 1e-4 * mip);
            Assert.Equal(z, results[i].ZScore, 1e-4 * z);
            Assert.Equal((0, 0), (results[i].ShiftY, results[i].ShiftX));
        }
    }

    [Fact]
    public void Filtering_each_box_on_its_own_also_recovers_the_poses()
    {
        var settings = _planted.RefineSettings with { ApplyGlobalFiltering = false };
        using var job = RefineTemplateJob.FromMatchTemplate(
            settings, _planted.Micrograph, _planted.Template, _planted.Coarse, new RefineTemplateOptions());
        var results = job.Run(null, CancellationToken.None).Particles;
        foreach (var truth in _planted.Truth)
        {
            var error = results[_planted.RowOf(truth)].Refinement.Orientation.ToMatrix().AngleTo(truth.Rotation);
            Assert.True(error < PlantedSearch.FineStep, $"refined angular error {error:F2} deg");
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        // The shared run used one thread per processor; bit-identical results are expected.
        using var job = RefineTemplateJob.Prepare(_planted.RefineSettings, _planted.Directory, new RefineTemplateOptions { Threads = 1 });

        Assert.Equal(
            _planted.Refined.Particles.Select(p => p.Refinement), job.Run(null, CancellationToken.None).Particles.Select(p => p.Refinement));
    }

    [Fact]
    public void A_particle_outside_its_micrograph_stops_the_job_before_it_runs()
    {
        var moved = _planted.Coarse.Particles.Select((p, i) => i == 2 ? p with { X = 200 } : p).ToList();

        var error = Assert.Throws<FormatException>(() => RefineTemplateJob.FromMatchTemplate(
            _planted.RefineSettings, _planted.Micrograph, _planted.Template, _planted.Coarse with { Particles = moved },
            new RefineTemplateOptions()));
        Assert.Contains("particle 2 at (x 200, y ", error.Message);
        Assert.Contains("lies outside its micrograph or statistics maps", error.Message);
    }
}
