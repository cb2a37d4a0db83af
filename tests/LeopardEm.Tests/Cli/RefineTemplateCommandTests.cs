using System.Text.RegularExpressions;
using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Io;
using LeopardEm.Particles;
using LeopardEm.Tests.TestData;

namespace LeopardEm.Tests.Cli;

/// <summary>
/// <c>leopard refine-template</c> on the planted search's files. The table's paths are made absolute so the command
/// does not depend on the test's working directory.
/// </summary>
[Collection(PlantedSearch.Collection)]
public sealed class RefineTemplateCommandTests
{
    private readonly PlantedSearch _planted;

    public RefineTemplateCommandTests(PlantedSearch planted) => _planted = planted;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    [Fact]
    public void Refines_the_particles_and_writes_the_table()
    {
        var config = WriteConfig("cli");
        var csv = Path.Combine(_planted.Directory, "cli-refined.csv");

        var (code, output, error) = Run("refine-template", config, "--output-csv", csv, "--threads", "2");

        Assert.True(code == ExitCodes.Success, error);
        output = Regex.Replace(output, @"\s+", " "); // the console wraps long lines
        Assert.Contains("Refining 4 particle(s) from 1 micrograph(s)", output);
        Assert.Contains("729 orientation offsets (symmetric grid) x 9 defocus x 1 pixel-size values", output);
        Assert.Contains("The z-score rose for 4 of 4.", output);
        Assert.Contains("wrote " + csv, output);
        var written = ParticleTableCsv.Read(csv);
        Assert.Equal(ParticleColumns.Refined, written.Columns);
        for (var i = 0; i < written.Rows.Count; i++)
        {
            Assert.Equal(_planted.Refined.Particles[i].Refinement.ZScore, (double)written[i, "refined_scaled_mip"]!, 1e-6);
        }

        // A second run must not replace the table unless asked to.
        (code, _, error) = Run("refine-template", config, "--output-csv", csv);
        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("already exists", error);
    }

    [Fact]
    public void Configuration_errors_name_the_key_and_line()
    {
        var config = WriteConfig("bad", yaml => yaml.Replace("  psi_step_fine:", "  psi_step_fin:", StringComparison.Ordinal));

        var (code, _, error) = Run("refine-template", config, "--output-csv", Path.Combine(_planted.Directory, "bad.csv"));

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Matches(@"Unknown key 'psi_step_fin' in orientation_refinement_config at line \d+", error);
        Assert.Contains("Did you mean 'psi_step_fine'?", error);
    }

    [Fact]
    public void The_output_option_is_required()
    {
        var (code, _, error) = Run("refine-template", WriteConfig("no-output"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("--output-csv", error);
    }

    // The fixture's settings as YAML, with absolute paths and a particle table whose paths are absolute too.
    private string WriteConfig(string name, Func<string, string>? edit = null)
    {
        var directory = _planted.Directory;
        var tablePath = ParticleTablePaths.WriteAbsolute(directory, "particles.csv", name + "-particles.csv");
        var settings = _planted.RefineSettings with
        {
            TemplateVolumePath = Path.Combine(directory, "template.mrc"),
            ParticleStack = _planted.RefineSettings.ParticleStack with { DfPath = tablePath },
        };
        var yaml = RefineTemplateConfig.ToYaml(settings);
        var path = Path.Combine(directory, name + ".yaml");
        File.WriteAllText(path, edit is null ? yaml : edit(yaml));
        return path;
    }
}
