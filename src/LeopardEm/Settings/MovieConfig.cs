namespace LeopardEm.Settings;

/// <summary>
/// Particle images from a movie instead of the micrograph: YAML block <c>movie_config</c> (Leopard-EM
/// <c>MovieConfig</c>, spec §7.1). Read and written for compatibility; movie-based refinement itself is not available
/// yet, so <see cref="Enabled"/> must be false.
/// </summary>
public sealed record MovieConfig
{
    /// <summary>YAML key of this block under the refine-template root.</summary>
    public const string YamlKey = "movie_config";

    /// <summary><c>enabled</c>: build particle images from the movie. Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>movie_path</c>: MRC movie stack (frames, height, width). Default empty.</summary>
    public string MoviePath { get; init; } = "";

    /// <summary><c>deformation_field_path</c>: CSV deformation field (Å). Default empty.</summary>
    public string DeformationFieldPath { get; init; } = "";

    /// <summary><c>particle_shifts_path</c>: CSV per-particle, per-frame shifts (pixels). Default empty.</summary>
    public string ParticleShiftsPath { get; init; } = "";

    /// <summary><c>pre_exposure</c>: dose before the first frame, e⁻/Å². Default 0.</summary>
    public double PreExposure { get; init; }

    /// <summary><c>fluence_per_frame</c>: dose per frame, e⁻/Å². Default 1.</summary>
    public double FluencePerFrame { get; init; } = 1.0;

    /// <summary>Checks the numbers and rejects <c>enabled: true</c>; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        p.Finite(ProblemCollector.Join(keyPath, "pre_exposure"), PreExposure);
        p.Finite(ProblemCollector.Join(keyPath, "fluence_per_frame"), FluencePerFrame);
        if (Enabled)
        {
            var key = ProblemCollector.Join(keyPath, "enabled");
            p.Add(key, $"{key}: refinement from movies is not available in Leopard-EM for .NET yet; set it to false to " +
                       "refine from the micrographs");
        }

        return p.Problems;
    }
}
