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
            [DefocusSearchConfig.YamlKey] = Defocus(s.DefocusSearchConfig),
            [OrientationSearchSpec.YamlKey] = Orientation(s.OrientationSearchConfig),
            [PreprocessingFilters.YamlKey] = Filters(s.PreprocessingFilters),
            [MatchTemplateResultConfig.YamlKey] = Result(s.MatchTemplateResult),
            [ComputationalConfigMatch.YamlKey] = Computational(s.ComputationalConfig),
        };

        // Only written when used, so that files from untouched configs still load in upstream Leopard-EM, which
        // rejects this key.
        if (s.PixelSizeSearchConfig != new PixelSizeSearchConfig())
        {
            tree[PixelSizeSearchConfig.YamlKey] = PixelSize(s.PixelSizeSearchConfig);
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
        ["mtf_values"] = List(o.MtfValues),
        ["beam_tilt_x"] = o.BeamTiltX,
        ["beam_tilt_y"] = o.BeamTiltY,
        ["odd_zernikes"] = Map(o.OddZernikes),
        ["even_zernikes"] = Map(o.EvenZernikes),
        ["mag_matrix"] = List(o.MagMatrix),
    };

    private static Dictionary<string, object?> Defocus(DefocusSearchConfig d) => new()
    {
        ["enabled"] = d.Enabled,
        ["defocus_min"] = d.DefocusMin,
        ["defocus_max"] = d.DefocusMax,
        ["defocus_step"] = d.DefocusStep,
        ["skip_enforce_zero"] = d.SkipEnforceZero,
    };

    private static Dictionary<string, object?> PixelSize(PixelSizeSearchConfig p) => new()
    {
        ["enabled"] = p.Enabled,
        ["pixel_size_min"] = p.PixelSizeMin,
        ["pixel_size_max"] = p.PixelSizeMax,
        ["pixel_size_step"] = p.PixelSizeStep,
        ["skip_enforce_zero"] = p.SkipEnforceZero,
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

    private static Dictionary<string, object?> Filters(PreprocessingFilters f) => new()
    {
        [WhiteningFilterConfig.YamlKey] = new Dictionary<string, object?>
        {
            ["enabled"] = f.WhiteningFilter.Enabled,
            ["num_freq_bins"] = f.WhiteningFilter.NumFreqBins,
            ["max_freq"] = f.WhiteningFilter.MaxFreq,
            ["do_power_spectrum"] = f.WhiteningFilter.DoPowerSpectrum,
        },
        [BandpassFilterConfig.YamlKey] = new Dictionary<string, object?>
        {
            ["enabled"] = f.BandpassFilter.Enabled,
            ["low_freq_cutoff"] = f.BandpassFilter.LowFreqCutoff,
            ["high_freq_cutoff"] = f.BandpassFilter.HighFreqCutoff,
            ["falloff"] = f.BandpassFilter.Falloff,
        },
        [PhaseRandomizationFilterConfig.YamlKey] = new Dictionary<string, object?>
        {
            ["enabled"] = f.PhaseRandomizationFilter.Enabled,
            ["cuton"] = f.PhaseRandomizationFilter.Cuton,
        },
        [ArbitraryCurveFilterConfig.YamlKey] = new Dictionary<string, object?>
        {
            ["enabled"] = f.ArbitraryCurveFilter.Enabled,
            ["frequencies"] = List(f.ArbitraryCurveFilter.Frequencies),
            ["amplitudes"] = List(f.ArbitraryCurveFilter.Amplitudes),
        },
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

    private static Dictionary<string, object?> Computational(ComputationalConfigMatch c) => new()
    {
        ["gpu_ids"] = GpuIdsValue(c.GpuIds),
        ["num_cpus"] = c.NumCpus,
        ["backend"] = c.Backend.ToString().ToLowerInvariant(),
    };

    private static object? GpuIdsValue(GpuIds ids)
    {
        var items = ids.Indices is not null
            ? ids.Indices.Select(i => (object?)i).ToList()
            : ids.Devices!.Select(d => (object?)d).ToList();
        return ids.IsList ? items : items[0];
    }

    private static List<object?>? List(ValueList<double>? values) => values?.Select(v => (object?)v).ToList();

    private static Dictionary<string, object?>? Map(ValueMap<double>? values) =>
        values?.ToDictionary(e => e.Key, e => (object?)e.Value);
}
