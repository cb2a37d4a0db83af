using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// <see cref="RefineTemplateSettings"/> → the key/value tree Leopard-EM's <c>RefineTemplateManager.model_dump</c> would
/// produce (every field, nulls included), for <see cref="YamlEmitter"/>.
/// </summary>
internal static class RefineTemplateYamlWriter
{
    public static Dictionary<string, object?> ToTree(RefineTemplateSettings s) => new()
    {
        ["template_volume_path"] = s.TemplateVolumePath,
        [ParticleStackConfig.YamlKey] = ParticleStack(s.ParticleStack),
        [RefineTemplateSettings.DefocusKey] = SettingsBlockWriters.Defocus(s.DefocusRefinementConfig),
        [RefineTemplateSettings.PixelSizeKey] = SettingsBlockWriters.PixelSize(s.PixelSizeRefinementConfig),
        [RefineOrientationConfig.YamlKey] = Orientation(s.OrientationRefinementConfig),
        [PreprocessingFilters.YamlKey] = SettingsBlockWriters.Filters(s.PreprocessingFilters),
        [ComputationalConfigMatch.YamlKey] = SettingsBlockWriters.Computational(s.ComputationalConfig),
        [MovieConfig.YamlKey] = new Dictionary<string, object?>
        {
            ["enabled"] = s.MovieConfig.Enabled,
            ["movie_path"] = s.MovieConfig.MoviePath,
            ["deformation_field_path"] = s.MovieConfig.DeformationFieldPath,
            ["particle_shifts_path"] = s.MovieConfig.ParticleShiftsPath,
            ["pre_exposure"] = s.MovieConfig.PreExposure,
            ["fluence_per_frame"] = s.MovieConfig.FluencePerFrame,
        },
        ["apply_global_filtering"] = s.ApplyGlobalFiltering,
    };

    private static Dictionary<string, object?> Orientation(RefineOrientationConfig o) => new()
    {
        ["enabled"] = o.Enabled,
        ["phi_step_coarse"] = o.PhiStepCoarse,
        ["phi_step_fine"] = o.PhiStepFine,
        ["theta_step_coarse"] = o.ThetaStepCoarse,
        ["theta_step_fine"] = o.ThetaStepFine,
        ["psi_step_coarse"] = o.PsiStepCoarse,
        ["psi_step_fine"] = o.PsiStepFine,
        ["base_grid_method"] = o.BaseGridMethod.ToString().ToLowerInvariant(),
    };

    internal static Dictionary<string, object?> ParticleStack(ParticleStackConfig stack) => new()
    {
        ["df_path"] = stack.DfPath,
        ["extracted_box_size"] = Shape(stack.ExtractedBoxSize),
        ["original_template_size"] = Shape(stack.OriginalTemplateSize),
    };

    private static List<object?> Shape(ImageShape shape) => [shape.Height, shape.Width];
}
