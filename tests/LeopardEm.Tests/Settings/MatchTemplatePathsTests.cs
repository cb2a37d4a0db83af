using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>The file-system checks Leopard-EM runs while validating, done by a separate checker.</summary>
public sealed class MatchTemplatePathsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("leopard-paths-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private MatchTemplateSettings WithInputs()
    {
        File.WriteAllText(Path.Combine(_dir, "micrograph.mrc"), "");
        File.WriteAllText(Path.Combine(_dir, "template.mrc"), "");
        return SampleSettings.Create();
    }

    [Fact]
    public void ExistingInputsAndNoOutputsPass() =>
        Assert.Empty(MatchTemplatePaths.Check(WithInputs(), _dir));

    [Fact]
    public void MissingMicrographIsReported()
    {
        File.WriteAllText(Path.Combine(_dir, "template.mrc"), "");
        var problem = Assert.Single(MatchTemplatePaths.Check(SampleSettings.Create(), _dir));
        Assert.Equal("micrograph_path", problem.KeyPath);
        Assert.Contains("File 'micrograph.mrc'", problem.Message);
        Assert.Contains("for micrograph does not exist.", problem.Message);
        Assert.Contains(Path.Combine(_dir, "micrograph.mrc"), problem.Message);
    }

    [Fact]
    public void MissingTemplateIsReported()
    {
        File.WriteAllText(Path.Combine(_dir, "micrograph.mrc"), "");
        var problem = Assert.Single(MatchTemplatePaths.Check(SampleSettings.Create(), _dir));
        Assert.Equal("template_volume_path", problem.KeyPath);
        Assert.Contains("for template volume does not exist.", problem.Message);
    }

    [Fact]
    public void AbsolutePathsIgnoreTheBaseDirectory()
    {
        var settings = WithInputs() with
        {
            MicrographPath = Path.Combine(_dir, "micrograph.mrc"),
            TemplateVolumePath = Path.Combine(_dir, "template.mrc"),
        };
        Assert.Empty(MatchTemplatePaths.Check(settings, "/nonexistent-base"));
    }

    [Fact]
    public void DuplicateOutputPathsAreInvalid()
    {
        var result = SampleSettings.Result() with { ScaledMipPath = "out/mip.mrc" };
        var problem = Assert.Single(result.Validate());
        Assert.Equal("match_template_result.scaled_mip_path", problem.KeyPath);
    }
}
