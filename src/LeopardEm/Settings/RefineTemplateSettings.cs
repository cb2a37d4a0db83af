namespace LeopardEm.Settings;

/// <summary>
/// Everything a refine_template run needs: the root of a Leopard-EM refine-template YAML file (Leopard-EM
/// <c>RefineTemplateManager</c>, spec §3.1). The output CSV is a run-time option, as upstream.
/// </summary>
public sealed record RefineTemplateSettings
{
    /// <summary>YAML key of the defocus block (a <see cref="DefocusSearchConfig"/>).</summary>
    public const string DefocusKey = "defocus_refinement_config";

    /// <summary>YAML key of the pixel-size block (a <see cref="PixelSizeSearchConfig"/>).</summary>
    public const string PixelSizeKey = "pixel_size_refinement_config";

    /// <summary><c>template_volume_path</c>: cubic 3-D MRC template volume (the one match_template used). Required.</summary>
    public required string TemplateVolumePath { get; init; }

    /// <summary><c>particle_stack</c>: particle table and box geometry. Required.</summary>
    public required ParticleStackConfig ParticleStack { get; init; }

    /// <summary><c>defocus_refinement_config</c>: defocus offsets, Å, relative to each particle's defocus. Required.</summary>
    public required DefocusSearchConfig DefocusRefinementConfig { get; init; }

    /// <summary><c>pixel_size_refinement_config</c>: pixel-size offsets, Å, relative to each particle's pixel size.
    /// Required.</summary>
    public required PixelSizeSearchConfig PixelSizeRefinementConfig { get; init; }

    /// <summary><c>orientation_refinement_config</c>: local orientation offsets. Required.</summary>
    public required RefineOrientationConfig OrientationRefinementConfig { get; init; }

    /// <summary><c>preprocessing_filters</c>: as in match_template (use the same block). Required.</summary>
    public required PreprocessingFilters PreprocessingFilters { get; init; }

    /// <summary><c>computational_config</c> (Leopard-EM <c>ComputationalConfigRefine</c>: the same fields as
    /// match_template's, default backend batched, unused). Required.</summary>
    public required ComputationalConfigMatch ComputationalConfig { get; init; }

    /// <summary><c>movie_config</c>: must stay disabled (see <see cref="Settings.MovieConfig"/>). Upstream requires the
    /// key; we default it to disabled.</summary>
    public MovieConfig MovieConfig { get; init; } = new();

    /// <summary><c>apply_global_filtering</c>: filter and normalise each whole micrograph before cutting boxes (true,
    /// default), or each box on its own (false).</summary>
    public bool ApplyGlobalFiltering { get; init; } = true;

    /// <summary>
    /// Refinement settings for the particles of a finished match_template run: same template, filters and compute
    /// settings; each angle searched over ± one step of the full search (phi ± theta_step, since the uniform grid spaces
    /// phi by about theta_step along each ring) in <paramref name="subdivisions"/> steps per side, the defocus over ± one
    /// defocus step likewise, pixel size the same way when it was searched.
    /// </summary>
    /// <param name="match">The match_template settings.</param>
    /// <param name="particleTablePath">Path of the particle table (<c>df_path</c>).</param>
    /// <param name="templateSize">Template edge, pixels.</param>
    /// <param name="boxSize">Edge of the box cut around each particle, pixels (even, ≥ the template).</param>
    /// <param name="subdivisions">Fine steps per coarse step, ≥ 1.</param>
    public static RefineTemplateSettings ForMatchTemplate(
        MatchTemplateSettings match, string particleTablePath, int templateSize, int boxSize, int subdivisions = 4)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentOutOfRangeException.ThrowIfLessThan(subdivisions, 1);
        var searches = match.OrientationSearchConfig.Searches;
        var thetaStep = searches.Min(s => s.ThetaStep);
        var psiStep = searches.Min(s => s.PsiStep);
        var defocus = match.DefocusSearchConfig;
        var pixel = match.PixelSizeSearchConfig;
        return new RefineTemplateSettings
        {
            TemplateVolumePath = match.TemplateVolumePath,
            ParticleStack = new ParticleStackConfig
            {
                DfPath = particleTablePath,
                ExtractedBoxSize = ImageShape.Square(boxSize),
                OriginalTemplateSize = ImageShape.Square(templateSize),
            },
            DefocusRefinementConfig = new DefocusSearchConfig
            {
                Enabled = defocus.Enabled,
                DefocusMin = -defocus.DefocusStep,
                DefocusMax = defocus.DefocusStep,
                DefocusStep = defocus.DefocusStep / subdivisions,
            },
            PixelSizeRefinementConfig = pixel.Enabled
                ? new PixelSizeSearchConfig
                {
                    Enabled = true,
                    PixelSizeMin = -pixel.PixelSizeStep,
                    PixelSizeMax = pixel.PixelSizeStep,
                    PixelSizeStep = pixel.PixelSizeStep / subdivisions,
                }
                : new PixelSizeSearchConfig(),
            OrientationRefinementConfig = new RefineOrientationConfig
            {
                PhiStepCoarse = thetaStep,
                PhiStepFine = thetaStep / subdivisions,
                ThetaStepCoarse = thetaStep,
                ThetaStepFine = thetaStep / subdivisions,
                PsiStepCoarse = psiStep,
                PsiStepFine = psiStep / subdivisions,
            },
            PreprocessingFilters = match.PreprocessingFilters,
            ComputationalConfig = match.ComputationalConfig,
        };
    }

    /// <summary>
    /// Checks every block without touching the file system (see <see cref="RefineTemplatePaths"/> for that); an empty
    /// list means valid.
    /// </summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var p = new ProblemCollector();
        p.NotEmpty("template_volume_path", TemplateVolumePath);
        p.AddRange(ParticleStack.Validate());
        p.AddRange(DefocusRefinementConfig.Validate(DefocusKey));
        p.AddRange(PixelSizeRefinementConfig.Validate(PixelSizeKey));
        p.AddRange(OrientationRefinementConfig.Validate());
        p.AddRange(PreprocessingFilters.Validate());
        p.AddRange(ComputationalConfig.Validate());
        p.AddRange(MovieConfig.Validate());
        return p.Problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="SettingsValidationException">Listing every problem.</exception>
    public void ThrowIfInvalid() => SettingsValidationException.ThrowIfAny(Validate());
}
