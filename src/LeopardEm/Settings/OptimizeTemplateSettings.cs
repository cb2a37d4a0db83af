namespace LeopardEm.Settings;

/// <summary>
/// Everything an optimize_template run needs: the root of a Leopard-EM optimize-template YAML file (Leopard-EM
/// <c>OptimizeTemplateManager</c>, spec other_programs §4.1). The template is simulated from an atomic model at each
/// candidate pixel size (<see cref="Simulator"/>, whose <c>pixel_spacing</c> is the starting value) and scored against
/// the particles of <see cref="ParticleStack"/>. Output paths are run-time options, as upstream.
/// </summary>
public sealed record OptimizeTemplateSettings
{
    /// <summary>YAML key of the coarse pixel-size block (a <see cref="PixelSizeSearchConfig"/>).</summary>
    public const string CoarseKey = "pixel_size_coarse_search";

    /// <summary>YAML key of the fine pixel-size block (a <see cref="PixelSizeSearchConfig"/>).</summary>
    public const string FineKey = "pixel_size_fine_search";

    /// <summary><c>particle_stack</c>: particle table (normally refine_template's, whose refined angles, positions and
    /// defoci are used) and box geometry. Required.</summary>
    public required ParticleStackConfig ParticleStack { get; init; }

    /// <summary><c>pixel_size_coarse_search</c>: template pixel sizes to try, as offsets in Å from
    /// <c>simulator.pixel_spacing</c>. Required; when disabled there is no pixel-size search.</summary>
    public required PixelSizeSearchConfig PixelSizeCoarseSearch { get; init; }

    /// <summary><c>pixel_size_fine_search</c>: offsets in Å from the best coarse pixel size. Required; when disabled the
    /// coarse optimum is final.</summary>
    public required PixelSizeSearchConfig PixelSizeFineSearch { get; init; }

    /// <summary><c>preprocessing_filters</c>: as in match_template (use the same block). Required.</summary>
    public required PreprocessingFilters PreprocessingFilters { get; init; }

    /// <summary><c>computational_config</c> (Leopard-EM <c>ComputationalConfigRefine</c>; default backend batched,
    /// unused). Required.</summary>
    public required ComputationalConfigMatch ComputationalConfig { get; init; }

    /// <summary><c>simulator</c>: the atomic model and how to simulate it; <c>pixel_spacing</c> is the starting template
    /// pixel size in Å and <c>volume_shape</c> must match <c>particle_stack.original_template_size</c>. Required.</summary>
    public required SimulatorSettings Simulator { get; init; }

    /// <summary><c>apply_global_filtering</c>: filter and normalise each whole micrograph before cutting boxes (true,
    /// default), or each box on its own (false).</summary>
    public bool ApplyGlobalFiltering { get; init; } = true;

    /// <summary>
    /// Checks every block without touching the file system (see <see cref="OptimizeTemplatePaths"/> for that); an
    /// empty list means valid. Unlike upstream (which fails later, inside the correlation) the simulated volume must be
    /// as large as the template the particle table was searched with.
    /// </summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var p = new ProblemCollector();
        p.AddRange(ParticleStack.Validate());
        p.AddRange(PixelSizeCoarseSearch.Validate(CoarseKey));
        p.AddRange(PixelSizeFineSearch.Validate(FineKey));
        p.AddRange(PreprocessingFilters.Validate());
        p.AddRange(ComputationalConfig.Validate());
        var simulator = Simulator.Validate();
        p.AddRange(simulator);
        var template = ParticleStack.OriginalTemplateSize;
        var key = ProblemCollector.Join(SimulatorSettings.YamlKey, "volume_shape");
        if (simulator.All(problem => problem.KeyPath != key) && template != ImageShape.Square(Simulator.BoxSize))
        {
            p.Add(key, $"{key} [{string.Join(", ", Simulator.VolumeShape)}] must match " +
                       $"{ParticleStackConfig.YamlKey}.original_template_size {template}: the particles were found with a " +
                       "template of that size, and its statistics maps are used for the z-scores");
        }

        CheckSmallestPixelSize(p);
        return p.Problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="SettingsValidationException">Listing every problem.</exception>
    public void ThrowIfInvalid() => SettingsValidationException.ThrowIfAny(Validate());

    // The smallest candidate is pixel_spacing + the coarse minimum + the fine minimum; a template needs a positive
    // pixel size (upstream fails inside the simulator).
    private void CheckSmallestPixelSize(ProblemCollector p)
    {
        if (!PixelSizeCoarseSearch.Enabled || p.Problems.Count > 0)
        {
            return;
        }

        var smallest = Simulator.PixelSpacing + PixelSizeCoarseSearch.GetPixelSizeOffsets().Min() +
                       (PixelSizeFineSearch.Enabled ? PixelSizeFineSearch.GetPixelSizeOffsets().Min() : 0);
        if (!(smallest > 0))
        {
            var key = ProblemCollector.Join(CoarseKey, "pixel_size_min");
            p.Add(key, $"{key} ({ProblemCollector.Format(PixelSizeCoarseSearch.PixelSizeMin)}) takes the template pixel size " +
                       $"from simulator.pixel_spacing ({ProblemCollector.Format(Simulator.PixelSpacing)}) down to " +
                       $"{ProblemCollector.Format(smallest)} Å with the fine offsets; it must stay positive");
        }
    }
}
