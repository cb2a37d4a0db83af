using LeopardEm.Orientations;
using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// YAML → <see cref="RefineTemplateSettings"/>: the root mapping (Leopard-EM <c>RefineTemplateManager</c>) and the
/// blocks only the refine programs have.
/// </summary>
internal static class RefineTemplateYamlReader
{
    // Upstream's refinement allows uniform, healpix and "basic", which its grid generator then rejects; we reject it
    // while loading.
    private static readonly Dictionary<string, BaseGridMethod> GridMethods = SettingsBlockReaders.GridMethods
        .Where(e => e.Value is BaseGridMethod.Uniform or BaseGridMethod.Healpix)
        .ToDictionary(StringComparer.Ordinal);

    public static RefineTemplateSettings Read(ParseContext context, YamlBlock root)
    {
        var settings = new RefineTemplateSettings
        {
            // Upstream order of fields, so errors come out in a familiar order.
            TemplateVolumePath = root.RequiredString("template_volume_path"),
            ParticleStack = ReadParticleStack(root.Block(ParticleStackConfig.YamlKey, required: true)),
            DefocusRefinementConfig =
                SettingsBlockReaders.ReadDefocusSearch(root.Block(RefineTemplateSettings.DefocusKey, required: true)),
            PixelSizeRefinementConfig =
                SettingsBlockReaders.ReadPixelSizeSearch(root.Block(RefineTemplateSettings.PixelSizeKey, required: true)),
            OrientationRefinementConfig =
                ReadOrientation(root.Block(RefineOrientationConfig.YamlKey, required: true)),
            PreprocessingFilters = SettingsBlockReaders.ReadPreprocessingFilters(
                root.Block(PreprocessingFilters.YamlKey, required: true)),
            ComputationalConfig = SettingsBlockReaders.ReadComputational(
                root.Block(ComputationalConfigMatch.YamlKey, required: true),
                new ComputationalConfigMatch { Backend = CorrelationScheduling.Batched }),
            MovieConfig = ReadMovie(root.Block(MovieConfig.YamlKey)),
        };
        settings = settings with { ApplyGlobalFiltering = root.Bool("apply_global_filtering", settings.ApplyGlobalFiltering) };
        root.RejectUnknownKeys();
        return settings;
    }

    internal static ParticleStackConfig ReadParticleStack(YamlBlock b)
    {
        var stack = new ParticleStackConfig
        {
            DfPath = b.RequiredString("df_path"),
            ExtractedBoxSize = b.RequiredShape("extracted_box_size"),
            OriginalTemplateSize = b.RequiredShape("original_template_size"),
        };
        b.RejectUnknownKeys();
        return stack;
    }

    private static RefineOrientationConfig ReadOrientation(YamlBlock b)
    {
        var o = new RefineOrientationConfig();
        o = o with
        {
            Enabled = b.Bool("enabled", o.Enabled),
            PhiStepCoarse = b.Double("phi_step_coarse", o.PhiStepCoarse),
            PhiStepFine = b.Double("phi_step_fine", o.PhiStepFine),
            ThetaStepCoarse = b.Double("theta_step_coarse", o.ThetaStepCoarse),
            ThetaStepFine = b.Double("theta_step_fine", o.ThetaStepFine),
            PsiStepCoarse = b.Double("psi_step_coarse", o.PsiStepCoarse),
            PsiStepFine = b.Double("psi_step_fine", o.PsiStepFine),
            BaseGridMethod = b.Choice("base_grid_method", o.BaseGridMethod, GridMethods),
        };
        b.RejectUnknownKeys();
        return o;
    }

    private static MovieConfig ReadMovie(YamlBlock b)
    {
        var m = new MovieConfig();
        m = m with
        {
            Enabled = b.Bool("enabled", m.Enabled),
            MoviePath = b.NullableString("movie_path", m.MoviePath) ?? "",
            DeformationFieldPath = b.NullableString("deformation_field_path", m.DeformationFieldPath) ?? "",
            ParticleShiftsPath = b.NullableString("particle_shifts_path", m.ParticleShiftsPath) ?? "",
            PreExposure = b.Double("pre_exposure", m.PreExposure),
            FluencePerFrame = b.Double("fluence_per_frame", m.FluencePerFrame),
        };
        b.RejectUnknownKeys();
        return m;
    }
}
