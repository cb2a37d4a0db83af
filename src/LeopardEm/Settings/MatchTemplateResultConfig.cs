namespace LeopardEm.Settings;

/// <summary>
/// Where the eight output maps go and run totals: YAML block <c>match_template_result</c> (Leopard-EM
/// <c>MatchTemplateResult</c>). Paths are kept as written; relative paths are resolved by the caller (see
/// <see cref="MatchTemplatePaths"/>).
/// </summary>
public sealed record MatchTemplateResultConfig
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "match_template_result";

    /// <summary><c>allow_file_overwrite</c>: permit existing output files to be replaced. Default false.</summary>
    public bool AllowFileOverwrite { get; init; }

    /// <summary><c>mip_path</c>: maximum intensity projection map (.mrc). Required.</summary>
    public required string MipPath { get; init; }

    /// <summary><c>scaled_mip_path</c>: z-score map (.mrc). Required.</summary>
    public required string ScaledMipPath { get; init; }

    /// <summary><c>correlation_average_path</c>: per-pixel mean correlation (.mrc). Required.</summary>
    public required string CorrelationAveragePath { get; init; }

    /// <summary><c>correlation_variance_path</c>: per-pixel correlation standard deviation despite the name (.mrc).
    /// Required.</summary>
    public required string CorrelationVariancePath { get; init; }

    /// <summary><c>orientation_psi_path</c>: best psi in degrees (.mrc). Required.</summary>
    public required string OrientationPsiPath { get; init; }

    /// <summary><c>orientation_theta_path</c>: best theta in degrees (.mrc). Required.</summary>
    public required string OrientationThetaPath { get; init; }

    /// <summary><c>orientation_phi_path</c>: best phi in degrees (.mrc). Required.</summary>
    public required string OrientationPhiPath { get; init; }

    /// <summary><c>relative_defocus_path</c>: best relative defocus in Å (.mrc). Required.</summary>
    public required string RelativeDefocusPath { get; init; }

    /// <summary><c>total_projections</c>: orientations × defocus planes × pixel sizes searched, ≥ 0; filled after
    /// a run. Default 0.</summary>
    public long TotalProjections { get; init; }

    /// <summary><c>total_orientations</c>: orientations searched, ≥ 0; filled after a run. Default 0.</summary>
    public long TotalOrientations { get; init; }

    /// <summary><c>total_defocus</c>: defocus planes searched, ≥ 0; filled after a run. Default 0.</summary>
    public long TotalDefocus { get; init; }

    /// <summary>The eight output paths with their YAML keys, in the order the maps are written.</summary>
    public IReadOnlyList<(string Key, string Path)> OutputPaths =>
    [
        ("mip_path", MipPath),
        ("scaled_mip_path", ScaledMipPath),
        ("correlation_average_path", CorrelationAveragePath),
        ("correlation_variance_path", CorrelationVariancePath),
        ("orientation_psi_path", OrientationPsiPath),
        ("orientation_theta_path", OrientationThetaPath),
        ("orientation_phi_path", OrientationPhiPath),
        ("relative_defocus_path", RelativeDefocusPath),
    ];

    /// <summary>Checks that every path is given and the totals are not negative; an empty list means valid. Does
    /// not touch the file system.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        foreach (var (key, path) in OutputPaths)
        {
            p.NotEmpty(ProblemCollector.Join(keyPath, key), path);
        }

        var duplicates = OutputPaths.Where(o => !string.IsNullOrWhiteSpace(o.Path))
            .GroupBy(o => o.Path, StringComparer.Ordinal).Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            // Two maps written to one file would silently lose the first.
            var keys = group.Select(g => g.Key).ToArray();
            var at = ProblemCollector.Join(keyPath, keys[1]);
            p.Add(at, $"{keyPath}: {string.Join(" and ", keys)} are the same file '{group.Key}'");
        }

        foreach (var (key, value) in new[]
                 {
                     ("total_projections", TotalProjections), ("total_orientations", TotalOrientations),
                     ("total_defocus", TotalDefocus),
                 })
        {
            if (value < 0)
            {
                var at = ProblemCollector.Join(keyPath, key);
                p.Add(at, $"{at} must be greater than or equal to 0, got {value}");
            }
        }

        return p.Problems;
    }
}
