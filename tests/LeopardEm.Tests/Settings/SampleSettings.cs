using LeopardEm.Settings;

namespace LeopardEm.Tests.Settings;

/// <summary>A valid set of match-template settings for tests to modify with <c>with</c>.</summary>
internal static class SampleSettings
{
    public static OpticsGroup Optics { get; } = new()
    {
        Label = "test",
        PixelSize = 1.06,
        Voltage = 300,
        DefocusU = 5200,
        DefocusV = 4950,
        AstigmatismAngle = 25,
    };

    public static MatchTemplateResultConfig Result(string directory = "out") => new()
    {
        MipPath = $"{directory}/mip.mrc",
        ScaledMipPath = $"{directory}/scaled_mip.mrc",
        CorrelationAveragePath = $"{directory}/avg.mrc",
        CorrelationVariancePath = $"{directory}/var.mrc",
        OrientationPsiPath = $"{directory}/psi.mrc",
        OrientationThetaPath = $"{directory}/theta.mrc",
        OrientationPhiPath = $"{directory}/phi.mrc",
        RelativeDefocusPath = $"{directory}/defocus.mrc",
    };

    public static MatchTemplateSettings Create() => new()
    {
        MicrographPath = "micrograph.mrc",
        TemplateVolumePath = "template.mrc",
        OpticsGroup = Optics,
        DefocusSearchConfig = new DefocusSearchConfig(),
        OrientationSearchConfig = new OrientationSearchConfig(),
        PreprocessingFilters = new PreprocessingFilters(),
        MatchTemplateResult = Result(),
        ComputationalConfig = new ComputationalConfigMatch(),
    };
}
