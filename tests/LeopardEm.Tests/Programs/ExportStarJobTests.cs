using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Programs;
using LeopardEm.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Programs;

/// <summary>The export of the planted search's particle table to RELION: the STAR file's paths, the extracted stack,
/// and the output checks.</summary>
[Collection(PlantedSearch.Collection)]
public sealed class ExportStarJobTests
{
    private readonly PlantedSearch _planted;

    public ExportStarJobTests(PlantedSearch planted) => _planted = planted;

    [Fact]
    public void The_star_file_names_micrographs_and_images_relative_to_its_folder_and_the_stack_holds_relions_boxes()
    {
        var options = new ExportStarOptions
        {
            StarPath = "export/star/particles.star",
            StackPath = "export/stacks/particles.mrcs",
            Extraction = new ExtractionOptions { BoxSize = 48 },
            AllowOverwrite = true,
        };
        using var job = ExportStarJob.Prepare("particles.csv", _planted.Directory, options);
        var outcome = job.Run();

        var star = Path.Combine(_planted.Directory, "export/star/particles.star");
        var text = File.ReadAllText(star);
        Assert.Contains("../../micrograph.mrc", text);
        var written = RelionParticleStar.Read(star);
        var optics = Assert.Single(written.Optics);
        Assert.Equal((48, PlantedSearch.PixelSize), (optics.ImageSize, optics.ImagePixelSize));
        var stack = MrcReader.ReadStack(Path.Combine(_planted.Directory, "export/stacks/particles.mrcs"), out var header);
        Assert.Equal(PlantedSearch.PixelSize, header.VoxelSize.X, 1e-6);
        Assert.Equal(_planted.Job.Particles.Count, stack.Length);
        for (var i = 0; i < stack.Length; i++)
        {
            var source = _planted.Job.Particles[i];
            var particle = written.Particles[i];
            Assert.Equal(Path.Combine(_planted.Directory, "micrograph.mrc"), particle.MicrographPath);
            Assert.Equal($"{i + 1:000000}@../stacks/particles.mrcs", particle.ImageName);
            Assert.Equal((source.CentreX, source.CentreY), (particle.X, particle.Y));
            var expected = ParticleExtraction.Extract(_planted.Micrograph, source.CentreX, source.CentreY, options.Extraction);
            Assert.Equal(expected.Data, stack[i].Data);
            Assert.Equal(expected.Data, outcome.Boxes[i].Data);
        }
    }

    [Fact]
    public void Without_extraction_the_image_size_is_the_template_edge()
    {
        using var job = ExportStarJob.Prepare(
            "particles.csv", _planted.Directory,
            new ExportStarOptions { StarPath = "export-plain.star", TemplatePath = "template.mrc", AllowOverwrite = true });
        job.Run();

        var written = RelionParticleStar.Read(Path.Combine(_planted.Directory, "export-plain.star"));
        Assert.Equal(32, Assert.Single(written.Optics).ImageSize);
        Assert.All(written.Particles, p => Assert.Null(p.ImageName));
        Assert.Equal("scaled_mip", written.FigureOfMeritName);
    }

    [Fact]
    public void Existing_outputs_are_refused_before_anything_is_written_unless_overwriting()
    {
        var star = Path.Combine(_planted.Directory, "export-existing.star");
        File.WriteAllText(star, "keep");
        var options = new ExportStarOptions
        {
            StarPath = star,
            StackPath = "export-existing.mrcs",
            Extraction = new ExtractionOptions { BoxSize = 48 },
        };

        var error = Assert.Throws<SettingsValidationException>(() => ExportStarJob.Prepare("particles.csv", _planted.Directory, options));

        Assert.Contains("--out: File", error.Message);
        Assert.Contains("already exists; pass --overwrite", error.Message);
        Assert.Equal("keep", File.ReadAllText(star));
        Assert.False(File.Exists(Path.Combine(_planted.Directory, "export-existing.mrcs")));
    }

    [Fact]
    public void A_missing_table_and_an_output_on_an_input_are_reported_together()
    {
        var options = new ExportStarOptions { StarPath = "template.mrc", TemplatePath = "template.mrc", AllowOverwrite = true };

        var error = Assert.Throws<SettingsValidationException>(() => ExportStarJob.Prepare("missing.csv", _planted.Directory, options));

        Assert.Equal(2, error.Problems.Count);
        Assert.Contains("missing.csv", error.Message);
        Assert.Contains("is the input template_volume_path of this run", error.Message);
    }
}
