namespace LeopardEm.Settings;

/// <summary>
/// Relative defocus planes to search: YAML block <c>defocus_search_config</c> (Leopard-EM
/// <c>DefocusSearchConfig</c>). Values are offsets added to the mean defocus of the optics group.
/// </summary>
public sealed record DefocusSearchConfig
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "defocus_search_config";

    /// <summary><c>enabled</c>: search several defocus planes; when false only offset 0 is used. Default
    /// true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary><c>defocus_min</c>: smallest relative defocus in Å. Default −1000.</summary>
    public double DefocusMin { get; init; } = -1000.0;

    /// <summary><c>defocus_max</c>: largest relative defocus in Å (inclusive). Default 1000.</summary>
    public double DefocusMax { get; init; } = 1000.0;

    /// <summary><c>defocus_step</c>: spacing in Å, &gt; 0. Default 200.</summary>
    public double DefocusStep { get; init; } = 200.0;

    /// <summary><c>skip_enforce_zero</c>: do not insert offset 0 when the grid misses it. Default false.</summary>
    public bool SkipEnforceZero { get; init; }

    /// <summary>Checks the step and, when enabled, that the range is searchable; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        if (Enabled)
        {
            SearchValueGrid.Check(p, keyPath, "Defocus", "defocus_min", "defocus_max", "defocus_step",
                DefocusMin, DefocusMax, DefocusStep);
        }
        else
        {
            // pydantic checks the step (gt 0) even when the search is disabled.
            p.GreaterThan(ProblemCollector.Join(keyPath, "defocus_step"), DefocusStep, 0);
        }

        return p.Problems;
    }

    /// <summary>
    /// Relative defocus values in Å (Leopard-EM <c>defocus_values</c>): <c>[0]</c> when disabled, otherwise the
    /// <see cref="SearchValueGrid"/> of (min, max, step) with 0 inserted unless <see cref="SkipEnforceZero"/>.
    /// </summary>
    /// <exception cref="SettingsValidationException">When <see cref="Validate"/> reports problems (e.g. max &lt;
    /// min: "Defocus search parameters result in no values to search over!").</exception>
    public float[] GetRelativeDefocusValues()
    {
        if (!Enabled)
        {
            return [0f];
        }

        SettingsValidationException.ThrowIfAny(Validate());

        return SearchValueGrid.Build(DefocusMin, DefocusMax, DefocusStep, SkipEnforceZero, "Defocus");
    }
}
