using LeopardEm.Orientations;

namespace LeopardEm.Settings;

/// <summary>
/// Everything a constrained search needs: the root of a Leopard-EM constrained-search YAML file (Leopard-EM
/// <c>ConstrainedSearchManager</c>, other_programs spec §5.2). A small particle B is searched next to each particle of a
/// large reference particle A: in A's box, at A's orientation composed with the relative orientations of
/// <see cref="OrientationRefinementConfig"/>, at A's defocus corrected for B's depth. The output CSV and the
/// false-positive rate are run-time options, as upstream.
/// </summary>
public sealed record ConstrainedSearchSettings
{
    /// <summary>YAML key of A's particle stack.</summary>
    public const string ReferenceKey = "particle_stack_reference";

    /// <summary>YAML key of B's particle stack.</summary>
    public const string ConstrainedKey = "particle_stack_constrained";

    /// <summary>YAML key of the defocus block (a <see cref="DefocusSearchConfig"/>).</summary>
    public const string DefocusKey = "defocus_refinement_config";

    /// <summary>YAML key of the centre vector.</summary>
    public const string CenterVectorKey = "center_vector";

    /// <summary><c>template_volume_path</c>: B's template, simulated in A's frame (not re-centred) in a box of A's
    /// template size. Required.</summary>
    public required string TemplateVolumePath { get; init; }

    /// <summary><c>center_vector</c>: from A's centre to B's centre with A at orientation (0, 0, 0), Å. Default
    /// (0, 0, 0).</summary>
    public CenterVector CenterVector { get; init; }

    /// <summary><c>particle_stack_reference</c>: A's particles (match_template or refine_template table; refined values
    /// preferred) and the box searched around each. Required.</summary>
    public required ParticleStackConfig ParticleStackReference { get; init; }

    /// <summary><c>particle_stack_constrained</c>: a table of B's full search (match_template), whose rows name B's mean
    /// and standard-deviation maps; only those paths are used. Required.</summary>
    public required ParticleStackConfig ParticleStackConstrained { get; init; }

    /// <summary><c>defocus_refinement_config</c>: defocus offsets, Å, around each A's defocus minus B's depth.
    /// Required.</summary>
    public required DefocusSearchConfig DefocusRefinementConfig { get; init; }

    /// <summary><c>orientation_refinement_config</c>: B's relative orientations. Required.</summary>
    public required ConstrainedOrientationConfig OrientationRefinementConfig { get; init; }

    /// <summary><c>preprocessing_filters</c>: as in match_template (use the same block). Required.</summary>
    public required PreprocessingFilters PreprocessingFilters { get; init; }

    /// <summary><c>computational_config</c> (Leopard-EM <c>ComputationalConfigRefine</c>). Required.</summary>
    public required ComputationalConfigMatch ComputationalConfig { get; init; }

    /// <summary>Checks every block without touching the file system (see <see cref="ConstrainedSearchPaths"/>); an empty
    /// list means valid.</summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var p = new ProblemCollector();
        p.NotEmpty("template_volume_path", TemplateVolumePath);
        foreach (var (axis, value) in new[] { ("x", CenterVector.X), ("y", CenterVector.Y), ("z", CenterVector.Z) })
        {
            if (!double.IsFinite(value))
            {
                p.Add(CenterVectorKey, $"{CenterVectorKey} must hold three finite numbers (Å), got {axis} {ProblemCollector.Format(value)}");
            }
        }

        p.AddRange(ParticleStackReference.Validate(ReferenceKey));
        p.AddRange(ParticleStackConstrained.Validate(ConstrainedKey));
        if (ParticleStackConstrained.OriginalTemplateSize != ParticleStackReference.OriginalTemplateSize)
        {
            var key = ConstrainedKey + ".original_template_size";
            p.Add(key, $"{key} {ParticleStackConstrained.OriginalTemplateSize} must equal {ReferenceKey}.original_template_size " +
                       $"{ParticleStackReference.OriginalTemplateSize}: B's template lives in A's box, so both searches used " +
                       "templates of one size and their statistics maps index the same positions");
        }

        p.AddRange(DefocusRefinementConfig.Validate(DefocusKey));
        p.AddRange(OrientationRefinementConfig.Validate());
        p.AddRange(PreprocessingFilters.Validate());
        p.AddRange(ComputationalConfig.Validate());
        return p.Problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds problems.</summary>
    /// <exception cref="SettingsValidationException">Listing every problem.</exception>
    public void ThrowIfInvalid() => SettingsValidationException.ThrowIfAny(Validate());
}
