using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Interop;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Tests.Settings;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

/// <summary>
/// The RELION side of the command line on the planted search's files: <c>leopard export-star</c>, and
/// <c>leopard refine-template</c> on the exported STAR file with <c>--match-template-config</c> and
/// <c>--output-star</c>. Every path given is absolute, so nothing depends on the test's working directory.
/// </summary>
[Collection(PlantedSearch.Collection)]
public sealed class RelionCommandTests
{
    private readonly PlantedSearch _planted;

    public RelionCommandTests(PlantedSearch planted) => _planted = planted;

    private string File(string relative) => Path.Combine(_planted.Directory, relative);

    [Fact]
    public void Export_star_writes_the_star_file_and_the_stack_and_says_what_it_wrote()
    {
        var (table, config) = (AbsoluteTable("cli-export"), MatchConfig("cli-export"));
        var star = File("cli-export/out/particles.star");
        var stack = File("cli-export/out/particles.mrcs");

        var (code, output, error) = CliRun.Run("export-star", table, "--config", config, "--out", star, "--extract", stack, "--box", "48");

        Assert.True(code == ExitCodes.Success, error);
        output = Regex.Replace(output, @"\s+", " ");
        Assert.Contains("4 particle(s) from 1 micrograph(s), 1 optics group(s), image size 48 px; rlnAutopickFigureOfMerit is scaled_mip.", output);
        Assert.Contains("Extracted 4 box(es) of 48 px (background radius 18 px).", output);
        Assert.Contains("wrote " + star, output);
        Assert.Equal(4, MrcReader.ReadStack(stack).Length);
        Assert.Equal("000004@particles.mrcs", RelionParticleStar.Read(star).Particles[3].ImageName);

        // Without extraction the template's edge, read through either kind of configuration, is the image size.
        var plain = File("cli-export/out/plain.star");
        (code, _, error) = CliRun.Run("export-star", table, "--config", RefineConfig("cli-export", table), "--out", plain);
        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(32, RelionParticleStar.Read(plain).Optics[0].ImageSize);
    }

    [Theory]
    [InlineData("--box", "--extract and --box go together")]
    [InlineData("", "Give --config")]
    public void Export_star_needs_an_image_size(string option, string message)
    {
        string[] args = option == "--box"
            ? ["export-star", File("particles.csv"), "--out", File("cli-usage.star"), "--box", "48"]
            : ["export-star", File("particles.csv"), "--out", File("cli-usage.star")];

        var (code, _, error) = CliRun.Run(args);

        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains(message, error);
        Assert.False(System.IO.File.Exists(File("cli-usage.star")));
    }

    [Fact]
    public void Refine_template_refines_a_star_file_with_its_match_template_config_and_writes_a_star_file()
    {
        var folder = "cli-refine";
        var star = File($"{folder}/particles.star");
        var (code, _, error) = CliRun.Run("export-star", AbsoluteTable(folder), "--config", MatchConfig(folder), "--out", star);
        Assert.True(code == ExitCodes.Success, error);
        var refineConfig = RefineConfig(folder, star);
        var (csv, refinedStar) = (File($"{folder}/refined.csv"), File($"{folder}/refined.star"));

        (code, _, error) = CliRun.Run("refine-template", refineConfig, "--output-csv", csv, "--output-star", refinedStar, "--threads", "2");
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("--match-template-config", error);
        Assert.Single(error.Trim().Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));

        string output;
        (code, output, error) = CliRun.Run(
            "refine-template", refineConfig, "--match-template-config", MatchConfig(folder), "--output-csv", csv, "--output-star", refinedStar,
            "--threads", "2");
        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("The z-score rose for 4 of 4.", Regex.Replace(output, @"\s+", " "));
        var table = ParticleTableCsv.Read(csv);
        var refined = RelionParticleStar.Read(refinedStar);
        Assert.Equal("refined_scaled_mip", refined.FigureOfMeritName);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var expected = _planted.Refined.Particles[i];
            Assert.Equal(expected.Refinement.ZScore, (double)table[i, "refined_scaled_mip"]!, 1e-3);
            Assert.Equal((expected.CentreX, expected.CentreY), (refined.Particles[i].X, refined.Particles[i].Y));
            Assert.Equal(expected.Refinement.ZScore, refined.Particles[i].FigureOfMerit!.Value, 1e-3);
            Assert.Equal(Path.Combine(_planted.Directory, "micrograph.mrc"), refined.Particles[i].MicrographPath);
        }
    }

    // The planted table with absolute paths (the CLI resolves relative ones against its own working directory).
    private string AbsoluteTable(string folder)
    {
        var table = ParticleTableCsv.Read(File("particles.csv"));
        var absolute = new ParticleTable(table.Columns);
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Columns.ToDictionary(c => c, c => table[i, c]);
            foreach (var column in table.Columns.Where(c => c.EndsWith("_path", StringComparison.Ordinal)))
            {
                row[column] = File((string)row[column]!);
            }

            absolute.Add(row);
        }

        Directory.CreateDirectory(File(folder));
        var path = File($"{folder}/particles.csv");
        ParticleTableCsv.Write(path, absolute, overwrite: true);
        return path;
    }

    // The planted search's configuration with absolute paths.
    private string MatchConfig(string folder)
    {
        var settings = _planted.MatchSettings with
        {
            MicrographPath = File("micrograph.mrc"),
            TemplateVolumePath = File("template.mrc"),
            MatchTemplateResult = SampleSettings.Result(File("maps")),
        };
        Directory.CreateDirectory(File(folder));
        var path = File($"{folder}/match_template.yaml");
        MatchTemplateConfig.Save(settings, path);
        return path;
    }

    private string RefineConfig(string folder, string table)
    {
        var settings = _planted.RefineSettings with
        {
            TemplateVolumePath = File("template.mrc"),
            ParticleStack = _planted.RefineSettings.ParticleStack with { DfPath = table },
        };
        var path = File($"{folder}/refine_template.yaml");
        System.IO.File.WriteAllText(path, RefineTemplateConfig.ToYaml(settings));
        return path;
    }
}
