using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// YAML → <see cref="MatchTemplateSettings"/>: the root mapping (Leopard-EM <c>MatchTemplateManager</c>) and the
/// blocks only match_template has.
/// </summary>
internal static class MatchTemplateYamlReader
{
    public static MatchTemplateSettings Read(ParseContext context, YamlBlock root)
    {
        var settings = new MatchTemplateSettings
        {
            // Upstream order of fields, so errors come out in a familiar order.
            MicrographPath = root.RequiredString("micrograph_path"),
            TemplateVolumePath = root.RequiredString("template_volume_path"),
            OpticsGroup = SettingsBlockReaders.ReadOpticsGroup(root.Block(OpticsGroup.YamlKey, required: true)),
            DefocusSearchConfig =
                SettingsBlockReaders.ReadDefocusSearch(root.Block(DefocusSearchConfig.YamlKey, required: true)),
            PixelSizeSearchConfig =
                SettingsBlockReaders.ReadPixelSizeSearch(root.Block(PixelSizeSearchConfig.YamlKey)),
            OrientationSearchConfig = SettingsBlockReaders.ReadOrientationSearch(
                context, root.Block(OrientationSearchSpec.YamlKey, required: true)),
            PreprocessingFilters = SettingsBlockReaders.ReadPreprocessingFilters(
                root.Block(PreprocessingFilters.YamlKey, required: true)),
            MatchTemplateResult = ReadResult(root.Block(MatchTemplateResultConfig.YamlKey, required: true)),
            ComputationalConfig = SettingsBlockReaders.ReadComputational(
                root.Block(ComputationalConfigMatch.YamlKey, required: true), new ComputationalConfigMatch()),
        };
        root.RejectUnknownKeys();
        return settings;
    }

    private static MatchTemplateResultConfig ReadResult(YamlBlock b)
    {
        var result = new MatchTemplateResultConfig
        {
            MipPath = b.RequiredString("mip_path"),
            ScaledMipPath = b.RequiredString("scaled_mip_path"),
            CorrelationAveragePath = b.RequiredString("correlation_average_path"),
            CorrelationVariancePath = b.RequiredString("correlation_variance_path"),
            OrientationPsiPath = b.RequiredString("orientation_psi_path"),
            OrientationThetaPath = b.RequiredString("orientation_theta_path"),
            OrientationPhiPath = b.RequiredString("orientation_phi_path"),
            RelativeDefocusPath = b.RequiredString("relative_defocus_path"),
        };
        result = result with
        {
            AllowFileOverwrite = b.Bool("allow_file_overwrite", result.AllowFileOverwrite),
            TotalProjections = b.Long("total_projections", result.TotalProjections),
            TotalOrientations = b.Long("total_orientations", result.TotalOrientations),
            TotalDefocus = b.Long("total_defocus", result.TotalDefocus),
        };
        b.RejectUnknownKeys();
        return result;
    }
}
