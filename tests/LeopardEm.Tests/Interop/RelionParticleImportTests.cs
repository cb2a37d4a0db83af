using LeopardEm.Interop;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Interop;

/// <summary>
/// refine_template on a RELION particle STAR file: the planted search's particles exported to STAR (ours, and
/// rewritten by RELION) refine to the same results as the CSV they came from; particles the runs cannot score are
/// refused with messages that say why.
/// </summary>
[Collection(PlantedSearch.Collection)]
public sealed class RelionParticleImportTests
{
    private readonly PlantedSearch _planted;

    public RelionParticleImportTests(PlantedSearch planted) => _planted = planted;

    private MatchTemplateRun[] Runs => [new MatchTemplateRun("planted.yaml", _planted.MatchSettings)];

    [Fact]
    public void Our_star_export_refines_to_the_same_particles_as_the_csv()
    {
        var star = Export("import-ours");
        AssertSameRefinement(Refine(star));
    }

    [RelionFact]
    public void A_star_rewritten_by_relion_star_handler_refines_to_the_same_particles_as_the_csv()
    {
        var star = Export("import-relion");
        var folder = Path.GetDirectoryName(star)!;
        RelionPrograms.Run(folder, "relion_star_handler", "--i", "particles.star", "--o", "relion.star");
        Assert.DoesNotContain("rlnAutopickFigureOfMerit: scaled_mip", File.ReadAllText(Path.Combine(folder, "relion.star")));

        AssertSameRefinement(Refine(Path.Combine(folder, "relion.star")));
    }

    /// <summary>The maps of the match_template runs are inputs of the refinement: an output on one is refused before
    /// anything is written, naming the run and the map.</summary>
    [Fact]
    public void An_output_on_a_map_of_a_match_template_run_is_refused()
    {
        var star = Export("import-output-on-map");
        var mip = Path.Combine(_planted.Directory, _planted.MatchSettings.MatchTemplateResult.MipPath);
        var before = File.ReadAllBytes(mip);
        var settings = _planted.RefineSettings with { ParticleStack = _planted.RefineSettings.ParticleStack with { DfPath = star } };
        var error = Assert.Throws<SettingsValidationException>(() => RefineTemplateJob.Prepare(
            settings, _planted.Directory, new RefineTemplateOptions { MatchTemplateRuns = Runs, OutputCsvPath = mip, AllowOverwrite = true }));
        Assert.Contains("is the input planted.yaml: match_template_result.mip_path", error.Message);
        Assert.Equal(before, File.ReadAllBytes(mip));
    }

    [Fact]
    public void Without_match_template_runs_a_star_file_is_refused_naming_the_option()
    {
        var star = Export("import-no-runs");
        var error = Assert.Throws<FormatException>(() => RelionParticleImport.Read(star, [], _planted.Directory, 32));
        Assert.Contains("--match-template-config", error.Message);
        Assert.Contains(star, error.Message);
    }

    [Fact]
    public void A_particle_from_a_micrograph_no_run_searched_is_named()
    {
        var star = Rewrite(Export("import-unmatched"), p => p with { MicrographPath = Path.Combine(_planted.Directory, "other.mrc") }, particle: 2);

        var error = Assert.Throws<FormatException>(() => RelionParticleImport.Read(star, Runs, _planted.Directory, 32));

        Assert.Contains("particle 2 is in micrograph", error.Message);
        Assert.Contains("other.mrc", error.Message);
        Assert.Contains("planted.yaml", error.Message);
    }

    [Fact]
    public void Micrographs_named_relative_to_a_relion_project_are_matched_by_file_name()
    {
        var star = Rewrite(Export("import-project"), p => p with { MicrographPath = "MotionCorr/job002/Movies/micrograph.mrc" });

        var imported = RelionParticleImport.Read(star, Runs, _planted.Directory, 32);

        Assert.All(imported.Stack.Particles, p => Assert.Equal("micrograph.mrc", p.MicrographPath));
        Assert.Contains(imported.Notes, n => n.Contains("matched by its file name", StringComparison.Ordinal));
    }

    [Fact]
    public void Fractional_centres_are_rounded_to_the_nearest_pixel_with_a_note()
    {
        var star = Rewrite(Export("import-fractional"), p => p with { X = p.X + 0.4, Y = p.Y - 0.6 }, particle: 1);

        var imported = RelionParticleImport.Read(star, Runs, _planted.Directory, 32);

        var expected = _planted.Job.Particles[1];
        Assert.Equal((expected.X, expected.Y - 1), (imported.Stack[1].X, imported.Stack[1].Y));
        Assert.Contains(imported.Notes, n => n.Contains("1 of 4 particle centres", StringComparison.Ordinal));
    }

    [Fact]
    public void A_star_file_in_other_pixels_than_the_search_is_refused()
    {
        var exported = Export("import-pixels");
        var set = RelionParticleStar.Read(exported);
        var binned = set with { Optics = [set.Optics[0] with { MicrographPixelSize = 2 * PlantedSearch.PixelSize }] };
        RelionParticleStar.Write(exported, binned, overwrite: true);

        var error = Assert.Throws<FormatException>(() => RelionParticleImport.Read(exported, Runs, _planted.Directory, 32));

        Assert.Contains("micrograph pixel size is 4 Å", error.Message);
        Assert.Contains("at 2 Å", error.Message);
    }

    // The planted search's table exported as the STAR file FOLDER/particles.star (paths relative to that folder).
    private string Export(string folder)
    {
        var star = Path.Combine(folder, "particles.star");
        using var job = ExportStarJob.Prepare(
            "particles.csv", _planted.Directory, new ExportStarOptions { StarPath = star, TemplatePath = "template.mrc", AllowOverwrite = true });
        job.Run();
        return Path.Combine(_planted.Directory, star);
    }

    private static string Rewrite(string star, Func<ParticleRecord, ParticleRecord> change, int? particle = null)
    {
        var set = RelionParticleStar.Read(star);
        var particles = set.Particles.Select((p, i) => particle is null || particle == i ? change(p) : p).ToList();
        RelionParticleStar.Write(star, set with { Particles = particles }, overwrite: true);
        return star;
    }

    private RefineTemplateOutcome Refine(string star)
    {
        var settings = _planted.RefineSettings with { ParticleStack = _planted.RefineSettings.ParticleStack with { DfPath = star } };
        using var job = RefineTemplateJob.Prepare(settings, _planted.Directory, new RefineTemplateOptions { MatchTemplateRuns = Runs });
        Assert.Empty(job.Notes);
        return job.Run(null, CancellationToken.None);
    }

    // Same boxes, same starting scores read from the maps, same refined pose, defocus and z-score as the CSV's refinement.
    private void AssertSameRefinement(RefineTemplateOutcome fromStar)
    {
        var fromCsv = _planted.Refined.Particles;
        Assert.Equal(fromCsv.Count, fromStar.Particles.Count);
        for (var i = 0; i < fromCsv.Count; i++)
        {
            var (csv, star) = (fromCsv[i], fromStar.Particles[i]);
            Assert.Equal((csv.Source.X, csv.Source.Y, csv.X, csv.Y), (star.Source.X, star.Source.Y, star.X, star.Y));
            Assert.Equal(csv.Source.ZScore, star.Source.ZScore, 1e-6);
            Assert.Equal(csv.Source.Mip, star.Source.Mip, 1e-6);
            Assert.Equal(csv.Refinement.OffsetIndex, star.Refinement.OffsetIndex);
            Assert.True(csv.Refinement.Orientation.ToMatrix().AngleTo(star.Refinement.Orientation.ToMatrix()) < 1e-3, $"particle {i}");
            Assert.Equal(csv.Source.Ctf.DefocusU + csv.Refinement.DefocusOffset, star.Source.Ctf.DefocusU + star.Refinement.DefocusOffset, 1e-2);
            Assert.Equal(csv.Source.Ctf.DefocusV + csv.Refinement.DefocusOffset, star.Source.Ctf.DefocusV + star.Refinement.DefocusOffset, 1e-2);
            Assert.Equal(csv.Refinement.ZScore, star.Refinement.ZScore, 1e-3);
        }
    }
}
