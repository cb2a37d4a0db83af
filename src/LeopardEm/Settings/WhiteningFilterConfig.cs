namespace LeopardEm.Settings;

/// <summary>
/// Spectral whitening from the micrograph's radially averaged amplitude spectrum: YAML block
/// <c>preprocessing_filters.whitening_filter</c> (Leopard-EM <c>WhiteningFilterConfig</c>).
/// </summary>
public sealed record WhiteningFilterConfig
{
    /// <summary>YAML key of this block inside <c>preprocessing_filters</c>.</summary>
    public const string YamlKey = "whitening_filter";

    /// <summary><c>enabled</c>: apply the filter. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>num_freq_bins</c>: number of radial bins (≥ 2), or null to derive it from the image size.
    /// Default null.</summary>
    public int? NumFreqBins { get; init; }

    /// <summary><c>max_freq</c>: cycles/pixel (0.5 = Nyquist) above which the filter is 1, or null for no limit.
    /// Default 0.5.</summary>
    public double? MaxFreq { get; init; } = 0.5;

    /// <summary><c>do_power_spectrum</c>: bin |F|² and take the square root (true) or bin |F| (false or null).
    /// Default true.</summary>
    public bool? DoPowerSpectrum { get; init; } = true;

    /// <summary>Checks ranges; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = "preprocessing_filters." + YamlKey)
    {
        var p = new ProblemCollector();
        var bins = ProblemCollector.Join(keyPath, "num_freq_bins");
        if (NumFreqBins is < 2)
        {
            // The bin spacing is xp[1] - xp[0]; fewer than two bins have no spacing.
            p.Add(bins, $"{bins} must be at least 2 (or null for automatic), got {NumFreqBins}");
        }

        // max_freq <= 0 leaves no bin to normalize by, which makes the whole filter NaN.
        if (MaxFreq is { } maxFreq)
        {
            p.GreaterThan(ProblemCollector.Join(keyPath, "max_freq"), maxFreq, 0);
        }

        return p.Problems;
    }
}
