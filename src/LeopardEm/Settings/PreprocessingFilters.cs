namespace LeopardEm.Settings;

/// <summary>
/// Filters applied to the micrograph and, through the projective filter, to every template: YAML block
/// <c>preprocessing_filters</c> (Leopard-EM <c>PreprocessingFilters</c>). Every sub-block is optional; <c>{}</c>
/// gives all defaults.
/// </summary>
public sealed record PreprocessingFilters
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "preprocessing_filters";

    /// <summary><c>whitening_filter</c>. Default: enabled.</summary>
    public WhiteningFilterConfig WhiteningFilter { get; init; } = new();

    /// <summary><c>bandpass_filter</c>. Default: disabled.</summary>
    public BandpassFilterConfig BandpassFilter { get; init; } = new();

    /// <summary><c>phase_randomization_filter</c> (never applied by match_template). Default: disabled.</summary>
    public PhaseRandomizationFilterConfig PhaseRandomizationFilter { get; init; } = new();

    /// <summary><c>arbitrary_curve_filter</c>. Default: disabled.</summary>
    public ArbitraryCurveFilterConfig ArbitraryCurveFilter { get; init; } = new();

    /// <summary>Checks every filter; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey) =>
    [
        .. WhiteningFilter.Validate(ProblemCollector.Join(keyPath, WhiteningFilterConfig.YamlKey)),
        .. BandpassFilter.Validate(ProblemCollector.Join(keyPath, BandpassFilterConfig.YamlKey)),
        .. PhaseRandomizationFilter.Validate(ProblemCollector.Join(keyPath, PhaseRandomizationFilterConfig.YamlKey)),
        .. ArbitraryCurveFilter.Validate(ProblemCollector.Join(keyPath, ArbitraryCurveFilterConfig.YamlKey)),
    ];
}
