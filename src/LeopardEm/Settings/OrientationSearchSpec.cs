namespace LeopardEm.Settings;

/// <summary>
/// The value of the YAML key <c>orientation_search_config</c>, which upstream types as a union: a single
/// <see cref="OrientationSearchConfig"/>, or a <see cref="MultipleOrientationConfig"/> (a mapping with the key
/// <c>orientation_configs</c>) whose grids are concatenated.
/// </summary>
public abstract record OrientationSearchSpec
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "orientation_search_config";

    /// <summary>The individual searches whose Euler angles are concatenated, in order.</summary>
    public abstract IReadOnlyList<OrientationSearchConfig> Searches { get; }

    /// <summary>Checks every search; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public abstract IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey);
}
