using LeopardEm.Settings;

namespace LeopardEm.Config;

/// <summary>
/// Settings → the key/value trees of the YAML blocks Leopard-EM programs share, written the way pydantic's
/// <c>model_dump</c> would (every field, nulls included), for <see cref="YamlEmitter"/>.
/// </summary>
internal static class SettingsBlockWriters
{
    /// <summary>A <see cref="DefocusSearchConfig"/> block (under whichever key the program uses).</summary>
    public static Dictionary<string, object?> Defocus(DefocusSearchConfig d) => new()
    {
        ["enabled"] = d.Enabled,
        ["defocus_min"] = d.DefocusMin,
        ["defocus_max"] = d.DefocusMax,
        ["defocus_step"] = d.DefocusStep,
        ["skip_enforce_zero"] = d.SkipEnforceZero,
    };

    /// <summary>A <see cref="PixelSizeSearchConfig"/> block.</summary>
    public static Dictionary<string, object?> PixelSize(PixelSizeSearchConfig p) => new()
    {
        ["enabled"] = p.Enabled,
        ["pixel_size_min"] = p.PixelSizeMin,
        ["pixel_size_max"] = p.PixelSizeMax,
        ["pixel_size_step"] = p.PixelSizeStep,
        ["skip_enforce_zero"] = p.SkipEnforceZero,
    };

    /// <summary>The <c>preprocessing_filters</c> block.</summary>
    public static Dictionary<string, object?> Filters(PreprocessingFilters f) => new()
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

    /// <summary>The <c>computational_config</c> block.</summary>
    public static Dictionary<string, object?> Computational(ComputationalConfigMatch c) => new()
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

    /// <summary>A <c>particle_stack</c> block (refine and optimize programs).</summary>
    public static Dictionary<string, object?> ParticleStack(ParticleStackConfig p) => new()
    {
        ["df_path"] = p.DfPath,
        ["extracted_box_size"] = Shape(p.ExtractedBoxSize),
        ["original_template_size"] = Shape(p.OriginalTemplateSize),
    };

    /// <summary>A list of numbers as YAML items, or null.</summary>
    public static List<object?>? List(ValueList<double>? values) => values?.Select(v => (object?)v).ToList();

    /// <summary>A mapping of names to numbers, or null.</summary>
    public static Dictionary<string, object?>? Map(ValueMap<double>? values) =>
        values?.ToDictionary(e => e.Key, e => (object?)e.Value);

    private static List<object?> Shape(ImageShape shape) => [shape.Height, shape.Width];
}
