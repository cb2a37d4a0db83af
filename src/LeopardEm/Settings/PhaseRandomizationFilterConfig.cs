namespace LeopardEm.Settings;

/// <summary>
/// Phase randomization above a cut-on frequency: YAML block
/// <c>preprocessing_filters.phase_randomization_filter</c> (Leopard-EM <c>PhaseRandomizationFilterConfig</c>).
/// Upstream match_template accepts it but never applies it.
/// </summary>
public sealed record PhaseRandomizationFilterConfig
{
    /// <summary>YAML key of this block inside <c>preprocessing_filters</c>.</summary>
    public const string YamlKey = "phase_randomization_filter";

    /// <summary><c>enabled</c>: requested (ignored by match_template). Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>cuton</c>: cycles/pixel, ≥ 0, or null. Default null.</summary>
    public double? Cuton { get; init; }

    /// <summary>Checks ranges; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = "preprocessing_filters." + YamlKey)
    {
        var p = new ProblemCollector();
        p.AtLeast(ProblemCollector.Join(keyPath, "cuton"), Cuton, 0);
        return p.Problems;
    }
}
