using LeopardEm.Datasets;
using LeopardEm.Tests.Settings;

namespace LeopardEm.Tests.Datasets;

/// <summary>Each micrograph's settings carry its own file, CTF and output folder and nothing of another's (the failure of
/// Leopard-EM's batch tutorial, which edits one shared configuration in a loop).</summary>
public sealed class MicrographSettingsTests
{
    private static readonly MicrographEntry First = new() { Path = "a.mrc", DefocusU = 9000, DefocusV = 8000, AstigmatismAngle = 10 };

    private static readonly MicrographEntry Second = new()
    {
        Path = "/data/b.mrc",
        DefocusU = 15000,
        DefocusV = 14500,
        AstigmatismAngle = -70,
        PixelSize = 0.93,
        PhaseShift = 90,
    };

    [Fact]
    public void Each_micrograph_gets_its_own_ctf_file_and_folder()
    {
        var config = SampleSettings.Create();

        var first = MicrographSettings.For(config, First, "/run/a", "/project");
        var second = MicrographSettings.For(config, Second, "/run/b", "/project");

        Assert.Equal("/project/a.mrc", first.MicrographPath);
        Assert.Equal("/project/template.mrc", first.TemplateVolumePath);
        Assert.Equal((9000.0, 8000.0, 10.0), (first.OpticsGroup.DefocusU, first.OpticsGroup.DefocusV, first.OpticsGroup.AstigmatismAngle));
        Assert.Equal((config.OpticsGroup.PixelSize, config.OpticsGroup.PhaseShift), (first.OpticsGroup.PixelSize, first.OpticsGroup.PhaseShift));
        Assert.Equal("/data/b.mrc", second.MicrographPath);
        Assert.Equal((15000.0, 14500.0, -70.0, 0.93, 90.0),
            (second.OpticsGroup.DefocusU, second.OpticsGroup.DefocusV, second.OpticsGroup.AstigmatismAngle, second.OpticsGroup.PixelSize, second.OpticsGroup.PhaseShift));
        Assert.Equal(config.OpticsGroup with { DefocusU = 9000, DefocusV = 8000, AstigmatismAngle = 10 }, first.OpticsGroup);
        Assert.All(first.MatchTemplateResult.OutputPaths, o => Assert.StartsWith("/run/a/", o.Path));
        Assert.All(second.MatchTemplateResult.OutputPaths, o => Assert.StartsWith("/run/b/", o.Path));
        Assert.Equal("/run/a/mip.mrc", first.MatchTemplateResult.MipPath);
        Assert.Equal("/run/a/relative_defocus.mrc", first.MatchTemplateResult.RelativeDefocusPath);
        Assert.Empty(first.Validate());
        Assert.Equal(SampleSettings.Create(), config);
    }

    [Fact]
    public void Without_an_entry_the_configuration_keeps_its_micrograph_and_ctf()
    {
        var config = SampleSettings.Create();

        var only = MicrographSettings.For(config, null, "/run/micrograph", "/project");

        Assert.Equal("/project/micrograph.mrc", only.MicrographPath);
        Assert.Equal(config.OpticsGroup, only.OpticsGroup);
        Assert.Equal("/run/micrograph/scaled_mip.mrc", only.MatchTemplateResult.ScaledMipPath);
    }
}
