namespace LeopardEm.Settings;

/// <summary>
/// Several orientation searches whose Euler angles are concatenated in list order without removing duplicates:
/// the <c>orientation_search_config</c> variant with key <c>orientation_configs</c> (Leopard-EM
/// <c>MultipleOrientationConfig</c>).
/// </summary>
public sealed record MultipleOrientationConfig : OrientationSearchSpec
{
    /// <summary>YAML key of the list.</summary>
    public const string ConfigsKey = "orientation_configs";

    /// <summary><c>orientation_configs</c>: the searches, at least one. Required.</summary>
    public required ValueList<OrientationSearchConfig> OrientationConfigs { get; init; }

    /// <inheritdoc />
    public override IReadOnlyList<OrientationSearchConfig> Searches => OrientationConfigs;

    /// <inheritdoc />
    public override IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        var listPath = ProblemCollector.Join(keyPath, ConfigsKey);
        if (OrientationConfigs.Count == 0)
        {
            // Upstream would fail concatenating zero grids.
            p.Add(listPath, $"{listPath} must contain at least one orientation search");
        }

        for (var i = 0; i < OrientationConfigs.Count; i++)
        {
            p.AddRange(OrientationConfigs[i].Validate($"{listPath}[{i}]"));
        }

        return p.Problems;
    }
}
