using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// <see cref="MatchTemplateSettings"/> → the key/value tree Leopard-EM's <c>model_dump</c> would produce (every
/// field, nulls included), for <see cref="YamlEmitter"/>.
/// </summary>
internal static class MatchTemplateYamlWriter
{
    public static Dictionary<string, object?> ToTree(MatchTemplateSettings s)
    {
        var tree = new Dictionary<string, object?>
        {
            ["micrograph_path"] = s.MicrographPath,
            ["template_volume_path"] = s.TemplateVolumePath,
            [OpticsGroup.YamlKey] = Optics(s.OpticsGroup),
            [DefocusSearchConfig.YamlKey] = SettingsBlockWriters.Defocus(s.DefocusSearchConfig),
            [OrientationSearchSpec.YamlKey] = Orientation(s.OrientationSearchConfig),
            [PreprocessingFilters.YamlKey] = SettingsBlockWriters.Filters(s.PreprocessingFilters),
            [MatchTemplateResultConfig.YamlKey] = Result(s.MatchTemplateResult),
            [ComputationalConfigMatch.YamlKey] = SettingsBlockWriters.Computational(s.ComputationalConfig),
        };

        // Only written when used, so that files from untouched configs still load in upstream Leopard-EM, which
        // rejects this key.
        if (s.PixelSizeSearchConfig != new PixelSizeSearchConfig())
        {
            tree[PixelSizeSearchConfig.YamlKey] = SettingsBlockWriters.PixelSize(s.PixelSizeSearchConfig);
        }

        return tree;
    }

    private static Dictionary<string, object?> Optics(OpticsGroup o) => new()
    {
        ["label"] = o.Label,
        ["pixel_size"] = o.PixelSize,
        ["voltage"] = o.Voltage,
        ["spherical_aberration"] = o.SphericalAberration,
        ["amplitude_contrast_ratio"] = o.AmplitudeContrastRatio,
        ["phase_shift"] = o.PhaseShift,
        ["defocus_u"] = o.DefocusU,
        ["defocus_v"] = o.DefocusV,
        ["astigmatism_angle"] = o.AstigmatismAngle,
        ["ctf_B_factor"] = o.CtfBFactor,
        ["chromatic_aberration"] = o.ChromaticAberration,
        ["mtf_reference"] = o.MtfReference,
        ["mtf_values"] = SettingsBlockWriters.List(o.MtfValues),
        ["beam_tilt_x"] = o.BeamTiltX,
        ["beam_tilt_y"] = o.BeamTiltY,
        ["odd_zernikes"] = SettingsBlockWriters.Map(o.OddZernikes),
        ["even_zernikes"] = SettingsBlockWriters.Map(o.EvenZernikes),
        ["mag_matrix"] = SettingsBlockWriters.List(o.MagMatrix),
    };

    private static Dictionary<string, object?> Orientation(OrientationSearchSpec spec) => spec switch
    {
        OrientationSearchConfig single => SingleOrientation(single),
        MultipleOrientationConfig multiple => new()
        {
            [MultipleOrientationConfig.ConfigsKey] =
                multiple.OrientationConfigs.Select(object? (c) => SingleOrientation(c)).ToList(),
        },
        _ => throw new ArgumentException($"Unknown orientation search type {spec.GetType().Name}."),
    };

    private static Dictionary<string, object?> SingleOrientation(OrientationSearchConfig o) => new()
    {
        ["psi_step"] = o.PsiStep,
        ["theta_step"] = o.ThetaStep,
        ["phi_min"] = o.PhiMin,
        ["phi_max"] = o.PhiMax,
        ["theta_min"] = o.ThetaMin,
        ["theta_max"] = o.ThetaMax,
        ["psi_min"] = o.PsiMin,
        ["psi_max"] = o.PsiMax,
        ["base_grid_method"] = o.BaseGridMethod.ToString().ToLowerInvariant(),
        ["symmetry"] = o.Symmetry,
    };

    private static Dictionary<string, object?> Result(MatchTemplateResultConfig r)
    {
        var tree = new Dictionary<string, object?>
        {
            ["allow_file_overwrite"] = r.AllowFileOverwrite,
            ["total_projections"] = r.TotalProjections,
            ["total_orientations"] = r.TotalOrientations,
            ["total_defocus"] = r.TotalDefocus,
        };
        foreach (var (key, path) in r.OutputPaths)
        {
            tree[key] = path;
        }

        return tree;
    }
}
