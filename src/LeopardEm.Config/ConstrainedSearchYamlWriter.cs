using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// <see cref="ConstrainedSearchSettings"/> → the key/value tree Leopard-EM's <c>ConstrainedSearchManager.model_dump</c>
/// would produce (every field, nulls included), for <see cref="YamlEmitter"/>.
/// </summary>
internal static class ConstrainedSearchYamlWriter
{
    public static Dictionary<string, object?> ToTree(ConstrainedSearchSettings s) => new()
    {
        ["template_volume_path"] = s.TemplateVolumePath,
        [ConstrainedSearchSettings.CenterVectorKey] = new List<object?> { s.CenterVector.X, s.CenterVector.Y, s.CenterVector.Z },
        [ConstrainedSearchSettings.ReferenceKey] = SettingsBlockWriters.ParticleStack(s.ParticleStackReference),
        [ConstrainedSearchSettings.ConstrainedKey] = SettingsBlockWriters.ParticleStack(s.ParticleStackConstrained),
        [ConstrainedSearchSettings.DefocusKey] = SettingsBlockWriters.Defocus(s.DefocusRefinementConfig),
        [ConstrainedOrientationConfig.YamlKey] = Orientation(s.OrientationRefinementConfig),
        [PreprocessingFilters.YamlKey] = SettingsBlockWriters.Filters(s.PreprocessingFilters),
        [ComputationalConfigMatch.YamlKey] = SettingsBlockWriters.Computational(s.ComputationalConfig),
    };

    private static Dictionary<string, object?> Orientation(ConstrainedOrientationConfig o) => new()
    {
        ["enabled"] = o.Enabled,
        ["phi_step"] = o.PhiStep,
        ["theta_step"] = o.ThetaStep,
        ["psi_step"] = o.PsiStep,
        ["rotation_axis_euler_angles"] = new List<object?>
        {
            o.RotationAxisEulerAngles.Phi, o.RotationAxisEulerAngles.Theta, o.RotationAxisEulerAngles.Psi,
        },
        ["phi_min"] = o.PhiMin,
        ["phi_max"] = o.PhiMax,
        ["theta_min"] = o.ThetaMin,
        ["theta_max"] = o.ThetaMax,
        ["psi_min"] = o.PsiMin,
        ["psi_max"] = o.PsiMax,
        ["base_grid_method"] = o.BaseGridMethod.ToString().ToLowerInvariant(),
        ["search_roll_axis"] = o.SearchRollAxis,
        ["roll_axis"] = o.RollAxis is { } axis ? new List<object?> { axis.X, axis.Y } : null,
        ["roll_step"] = o.RollStep,
    };
}
