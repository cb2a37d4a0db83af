namespace LeopardEm.Settings;

/// <summary>
/// Pixel-size offsets to search: YAML block <c>pixel_size_search_config</c> (Leopard-EM
/// <c>PixelSizeSearchConfig</c>, also used by the refine programs). Upstream match_template rejects this block; our
/// match_template accepts it (as cisTEM does) and emulates each pixel size by scaling Cs.
/// </summary>
public sealed record PixelSizeSearchConfig
{
    /// <summary>YAML key of this block under the match-template root.</summary>
    public const string YamlKey = "pixel_size_search_config";

    /// <summary><c>enabled</c>: search several pixel sizes; when false only offset 0 is used. Default
    /// false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>pixel_size_min</c>: smallest offset in Å added to the nominal pixel size. Default 0.</summary>
    public double PixelSizeMin { get; init; }

    /// <summary><c>pixel_size_max</c>: largest offset in Å (inclusive). Default 0.</summary>
    public double PixelSizeMax { get; init; }

    /// <summary><c>pixel_size_step</c>: spacing in Å, &gt; 0 when enabled. Default 0 (upstream's default violates
    /// its own constraint, so enabling the search without a step is an error).</summary>
    public double PixelSizeStep { get; init; }

    /// <summary><c>skip_enforce_zero</c>: do not insert offset 0 when the grid misses it. Default false.</summary>
    public bool SkipEnforceZero { get; init; }

    /// <summary>Checks the step and, when enabled, that the range is searchable; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        if (Enabled)
        {
            SearchValueGrid.Check(p, keyPath, "Pixel size", "pixel_size_min", "pixel_size_max", "pixel_size_step",
                PixelSizeMin, PixelSizeMax, PixelSizeStep);
        }
        else
        {
            // A disabled search may keep the default step 0 (which pydantic accepts as a default); a negative step
            // is wrong either way.
            p.AtLeast(ProblemCollector.Join(keyPath, "pixel_size_step"), PixelSizeStep, 0);
        }

        return p.Problems;
    }

    /// <summary>
    /// Pixel-size offsets in Å (Leopard-EM <c>pixel_size_values</c>): <c>[0]</c> when disabled, otherwise the
    /// <see cref="SearchValueGrid"/> of (min, max, step) with 0 inserted unless <see cref="SkipEnforceZero"/>.
    /// </summary>
    /// <exception cref="SettingsValidationException">When <see cref="Validate"/> reports problems.</exception>
    public float[] GetPixelSizeOffsets()
    {
        if (!Enabled)
        {
            return [0f];
        }

        SettingsValidationException.ThrowIfAny(Validate());

        return SearchValueGrid.Build(PixelSizeMin, PixelSizeMax, PixelSizeStep, SkipEnforceZero, "Pixel size");
    }
}
