using LeopardEm.Orientations;

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

    /// <summary>
    /// The Euler angles (degrees) of every search in <see cref="Searches"/>, concatenated in order without removing
    /// duplicates (<see cref="OrientationGrid.Generate(IEnumerable{OrientationSampling})"/> of each search's
    /// <see cref="OrientationSearchConfig.ToSampling"/>).
    /// </summary>
    /// <exception cref="SettingsValidationException">When <see cref="Validate"/> reports problems.</exception>
    /// <exception cref="ArgumentException">When the generator rejects a valid-looking search (e.g. a HEALPix theta step
    /// below its finest resolution).</exception>
    public EulerAngles[] GenerateOrientations() => OrientationGrid.Generate(ValidSamplings());

    /// <summary>
    /// How many rows <see cref="GenerateOrientations"/> returns, without building the list
    /// (<see cref="OrientationGrid.Count"/> summed over the searches).
    /// </summary>
    /// <exception cref="SettingsValidationException">When <see cref="Validate"/> reports problems.</exception>
    /// <exception cref="ArgumentException">As for <see cref="GenerateOrientations"/>.</exception>
    public long CountOrientations() => ValidSamplings().Sum(OrientationGrid.Count);

    private OrientationSampling[] ValidSamplings()
    {
        SettingsValidationException.ThrowIfAny(Validate());

        return [.. Searches.Select(s => s.ToSampling())];
    }
}
