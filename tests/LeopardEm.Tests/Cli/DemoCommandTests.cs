using LeopardEm.Cli;
using LeopardEm.Config;
using LeopardEm.Tests.Io;

namespace LeopardEm.Tests.Cli;

public class DemoCommandTests
{
    [Fact]
    public void Small_demo_finds_every_planted_particle_and_leaves_a_runnable_configuration()
    {
        using var directory = new TempDirectory();
        var target = Path.Combine(directory.Path, "demo");

        var (code, output, error) = CliAppTests.Run("demo", "--size", "small", "--out", target);

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("4 of 4 planted particles found", output);
        foreach (var name in new[] { "micrograph.mrc", "template.mrc", "match_template.yaml", "output/output_scaled_mip.mrc", "output/particles.csv" })
        {
            Assert.True(File.Exists(Path.Combine(target, name)), name);
        }

        // An absolute --out gives absolute paths, so the configuration runs from any directory.
        var settings = MatchTemplateConfig.Load(Path.Combine(target, "match_template.yaml")).Settings;
        Assert.Equal(Path.Combine(target, "micrograph.mrc"), Path.GetFullPath(settings.MicrographPath));
    }

    [Fact]
    public void Demo_refuses_to_overwrite_an_earlier_demo_without_force()
    {
        using var directory = new TempDirectory();
        var target = Path.Combine(directory.Path, "demo");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "match_template.yaml"), "mine");

        var (code, _, error) = CliAppTests.Run("demo", "--size", "small", "--out", target);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("--force", error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "match_template.yaml")));
    }

    [Fact]
    public void An_unknown_size_is_a_usage_error()
    {
        var (code, _, error) = CliAppTests.Run("demo", "--size", "huge");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("huge", error);
    }
}
