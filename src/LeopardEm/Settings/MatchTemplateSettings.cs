namespace LeopardEm.Settings;

/// <summary>
/// Everything a match_template run needs: the root of a Leopard-EM match-template YAML file (Leopard-EM
/// <c>MatchTemplateManager</c>), plus our optional <c>pixel_size_search_config</c> extension.
/// </summary>
public sealed record MatchTemplateSettings
{
    /// <summary><c>micrograph_path</c>: 2-D MRC micrograph. Required.</summary>
    public required string MicrographPath { get; init; }

    /// <summary><c>template_volume_path</c>: cubic 3-D MRC template volume. Required.</summary>
    public required string TemplateVolumePath { get; init; }

    /// <summary><c>optics_group</c>. Required.</summary>
    public required OpticsGroup OpticsGroup { get; init; }

    /// <summary><c>defocus_search_config</c>. Required in YAML (upstream gives it no default).</summary>
    public required DefocusSearchConfig DefocusSearchConfig { get; init; }

    /// <summary><c>pixel_size_search_config</c>: our extension (upstream match_template rejects the key).
    /// Optional; default disabled, i.e. the single offset 0 as upstream.</summary>
    public PixelSizeSearchConfig PixelSizeSearchConfig { get; init; } = new();

    /// <summary><c>orientation_search_config</c>: a single <see cref="Settings.OrientationSearchConfig"/> or a
    /// <see cref="MultipleOrientationConfig"/>. Required.</summary>
    public required OrientationSearchSpec OrientationSearchConfig { get; init; }

    /// <summary><c>preprocessing_filters</c>. Required in YAML (<c>{}</c> gives defaults).</summary>
    public required PreprocessingFilters PreprocessingFilters { get; init; }

    /// <summary><c>match_template_result</c>: output paths. Required.</summary>
    public required MatchTemplateResultConfig MatchTemplateResult { get; init; }

    /// <summary><c>computational_config</c>. Required in YAML (<c>{}</c> gives defaults).</summary>
    public required ComputationalConfigMatch ComputationalConfig { get; init; }

    /// <summary>
    /// Checks every block and cross-field rule without touching the file system (see
    /// <see cref="MatchTemplatePaths"/> for that); an empty list means valid.
    /// </summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var p = new ProblemCollector();
        p.NotEmpty("micrograph_path", MicrographPath);
        p.NotEmpty("template_volume_path", TemplateVolumePath);
        p.AddRange(OpticsGroup.Validate());
        p.AddRange(DefocusSearchConfig.Validate());
        p.AddRange(PixelSizeSearchConfig.Validate());
        p.AddRange(OrientationSearchConfig.Validate());
        p.AddRange(PreprocessingFilters.Validate());
        p.AddRange(MatchTemplateResult.Validate());
        p.AddRange(ComputationalConfig.Validate());
        if (PixelSizeSearchConfig.Enabled && double.IsFinite(OpticsGroup.PixelSize) &&
            double.IsFinite(PixelSizeSearchConfig.PixelSizeMin) &&
            OpticsGroup.PixelSize + PixelSizeSearchConfig.PixelSizeMin <= 0)
        {
            // The Cs scaling divides by the searched pixel size.
            const string key = PixelSizeSearchConfig.YamlKey + ".pixel_size_min";
            p.Add(key, $"{key} ({ProblemCollector.Format(PixelSizeSearchConfig.PixelSizeMin)}) would make the " +
                       $"searched pixel size non-positive (optics_group.pixel_size is " +
                       $"{ProblemCollector.Format(OpticsGroup.PixelSize)})");
        }

        return p.Problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="SettingsValidationException">Listing every problem.</exception>
    public void ThrowIfInvalid()
    {
        SettingsValidationException.ThrowIfAny(Validate());
    }
}
