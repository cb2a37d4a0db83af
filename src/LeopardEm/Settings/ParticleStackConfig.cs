namespace LeopardEm.Settings;

/// <summary>
/// The particles to refine: YAML block <c>particle_stack</c> (Leopard-EM <c>ParticleStack</c>, spec §2.1): a particle
/// table and the box geometry around each particle.
/// </summary>
public sealed record ParticleStackConfig
{
    /// <summary>YAML key of this block under the refine-template root.</summary>
    public const string YamlKey = "particle_stack";

    /// <summary><c>df_path</c>: particle table CSV written by match_template or refine_template (ours or
    /// Leopard-EM's). Required.</summary>
    public required string DfPath { get; init; }

    /// <summary><c>extracted_box_size</c>: <c>[height, width]</c> of the box cut around each particle, pixels; even and
    /// at least the template size (Leopard-EM suggests 4–24 px more). Required.</summary>
    public required ImageShape ExtractedBoxSize { get; init; }

    /// <summary><c>original_template_size</c>: <c>[height, width]</c> of the template used by match_template, pixels;
    /// must equal the template volume's edge. Required.</summary>
    public required ImageShape OriginalTemplateSize { get; init; }

    /// <summary>Checks the sizes (which upstream leaves to crash later); an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        string K(string key) => ProblemCollector.Join(keyPath, key);
        p.NotEmpty(K("df_path"), DfPath);
        var box = ExtractedBoxSize;
        var template = OriginalTemplateSize;
        if (template.Height < 2 || template.Width < 2)
        {
            p.Add(K("original_template_size"), $"{K("original_template_size")} must be at least [2, 2], got {template}");
        }

        if (box.Height < template.Height || box.Width < template.Width)
        {
            p.Add(K("extracted_box_size"),
                $"{K("extracted_box_size")} {box} must be at least original_template_size {template}: the box holds the " +
                "template at every position searched");
        }
        else if (box.Height % 2 != 0 || box.Width % 2 != 0)
        {
            p.Add(K("extracted_box_size"), $"{K("extracted_box_size")} {box} must be even in both directions (Leopard-EM " +
                                           "assumes even real-space sizes)");
        }

        return p.Problems;
    }
}
