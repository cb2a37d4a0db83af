namespace LeopardEm.Settings;

/// <summary>
/// Band-pass with a cosine fall-off: YAML block <c>preprocessing_filters.bandpass_filter</c> (Leopard-EM
/// <c>BandpassFilterConfig</c>). All frequencies are in cycles/pixel (0.5 = Nyquist).
/// </summary>
public sealed record BandpassFilterConfig
{
    /// <summary>YAML key of this block inside <c>preprocessing_filters</c>.</summary>
    public const string YamlKey = "bandpass_filter";

    /// <summary><c>enabled</c>: apply the filter. Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>low_freq_cutoff</c>: cycles/pixel, ≥ 0, or null (= 0). Default null.</summary>
    public double? LowFreqCutoff { get; init; }

    /// <summary><c>high_freq_cutoff</c>: cycles/pixel, ≥ 0, or null (= 1). Default null.</summary>
    public double? HighFreqCutoff { get; init; }

    /// <summary><c>falloff</c>: width of the cosine edge in cycles/pixel, ≥ 0, or null (= 0). Default null.</summary>
    public double? Falloff { get; init; }

    /// <summary>Low cutoff the filter uses (null means 0).</summary>
    public double EffectiveLowFreqCutoff => LowFreqCutoff ?? 0.0;

    /// <summary>High cutoff the filter uses (null means 1).</summary>
    public double EffectiveHighFreqCutoff => HighFreqCutoff ?? 1.0;

    /// <summary>Fall-off the filter uses (null means 0).</summary>
    public double EffectiveFalloff => Falloff ?? 0.0;

    /// <summary>
    /// Leopard-EM's <c>from_spatial_resolution</c>: cutoffs from resolutions in Å, low = pixel size / low
    /// resolution, high = pixel size / high resolution; enabled.
    /// </summary>
    /// <param name="lowResolution">Coarsest resolution kept, Å.</param>
    /// <param name="highResolution">Finest resolution kept, Å.</param>
    /// <param name="pixelSize">Å per pixel.</param>
    /// <param name="falloff">Cosine edge width, cycles/pixel.</param>
    public static BandpassFilterConfig FromSpatialResolution(
        double lowResolution, double highResolution, double pixelSize, double? falloff = null) => new()
        {
            Enabled = true,
            LowFreqCutoff = pixelSize / lowResolution,
            HighFreqCutoff = pixelSize / highResolution,
            Falloff = falloff,
        };

    /// <summary>Checks ranges; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = "preprocessing_filters." + YamlKey)
    {
        var p = new ProblemCollector();
        p.AtLeast(ProblemCollector.Join(keyPath, "low_freq_cutoff"), LowFreqCutoff, 0);
        p.AtLeast(ProblemCollector.Join(keyPath, "high_freq_cutoff"), HighFreqCutoff, 0);
        p.AtLeast(ProblemCollector.Join(keyPath, "falloff"), Falloff, 0);
        if (Enabled && EffectiveHighFreqCutoff < EffectiveLowFreqCutoff)
        {
            // An empty band zeroes the image, and the normalization then divides by zero.
            var high = ProblemCollector.Join(keyPath, "high_freq_cutoff");
            p.Add(high, $"{high} ({ProblemCollector.Format(EffectiveHighFreqCutoff)}) must not be less than " +
                        $"low_freq_cutoff ({ProblemCollector.Format(EffectiveLowFreqCutoff)})");
        }

        return p.Problems;
    }
}
