using LeopardEm.Orientations;

namespace LeopardEm.Settings;

/// <summary>
/// One SO(3) orientation grid: YAML block <c>orientation_search_config</c> (Leopard-EM
/// <c>OrientationSearchConfig</c>). Either a symmetry group sets the angle ranges, or <c>symmetry: null</c> and
/// explicit ranges do — never both.
/// </summary>
public sealed record OrientationSearchConfig : OrientationSearchSpec
{
    // Upstream's defaults live in OrientationSampling; the YAML layer takes them from there.
    private static readonly OrientationSampling Defaults = new();

    /// <summary><c>psi_step</c>: in-plane step in degrees, &gt; 0. Default 1.5.</summary>
    public double PsiStep { get; init; } = Defaults.PsiStep;

    /// <summary><c>theta_step</c>: out-of-plane step in degrees, &gt; 0. Default 2.5.</summary>
    public double ThetaStep { get; init; } = Defaults.ThetaStep;

    /// <summary><c>phi_min</c>: degrees, or null (0 when symmetry is null). Default null.</summary>
    public double? PhiMin { get; init; }

    /// <summary><c>phi_max</c>: degrees, or null (360 when symmetry is null). Default null.</summary>
    public double? PhiMax { get; init; }

    /// <summary><c>theta_min</c>: degrees, or null (0 when symmetry is null). Default null.</summary>
    public double? ThetaMin { get; init; }

    /// <summary><c>theta_max</c>: degrees, or null (180 when symmetry is null). Default null.</summary>
    public double? ThetaMax { get; init; }

    /// <summary><c>psi_min</c>: degrees, or null (0 when symmetry is null). Default null.</summary>
    public double? PsiMin { get; init; }

    /// <summary><c>psi_max</c>: degrees (exclusive), or null (360 when symmetry is null). Default null.</summary>
    public double? PsiMax { get; init; }

    /// <summary><c>base_grid_method</c>: <c>uniform</c>, <c>healpix</c> or <c>cartesian</c>. Default
    /// uniform.</summary>
    public BaseGridMethod BaseGridMethod { get; init; } = Defaults.BaseGrid;

    /// <summary><c>symmetry</c>: group letters plus optional order (e.g. <c>C1</c>, <c>D7</c>, <c>O</c>; see
    /// <see cref="SymmetryGroup.TryParse"/>), or null to use explicit ranges. Default <c>C1</c>.</summary>
    public string? Symmetry { get; init; } = Defaults.Symmetry;

    /// <inheritdoc />
    public override IReadOnlyList<OrientationSearchConfig> Searches => [this];

    private (string Key, double? Value)[] RangeEntries =>
    [
        ("phi_min", PhiMin), ("phi_max", PhiMax), ("theta_min", ThetaMin),
        ("theta_max", ThetaMax), ("psi_min", PsiMin), ("psi_max", PsiMax),
    ];

    /// <inheritdoc />
    public override IReadOnlyList<SettingsProblem> Validate(string keyPath = YamlKey)
    {
        var p = new ProblemCollector();
        string K(string key) => ProblemCollector.Join(keyPath, key);

        // Upstream allows 0 (ge 0) and then crashes while generating the grid; we say why up front.
        p.GreaterThan(K("psi_step"), PsiStep, 0, "a zero or negative step cannot generate an orientation grid");
        p.GreaterThan(K("theta_step"), ThetaStep, 0, "a zero or negative step cannot generate an orientation grid");
        foreach (var (key, value) in RangeEntries)
        {
            p.Finite(K(key), value);
        }

        var setRanges = RangeEntries.Where(e => e.Value is not null).Select(e => e.Key).ToArray();
        if (Symmetry is null)
        {
            if (setRanges.Length == 0)
            {
                p.Add(K("symmetry"),
                    $"{keyPath}: either a symmetry group must be provided, or at least one angle range must not be " +
                    "null; both symmetry and all angle ranges are null");
            }
            else if (ThetaMin is { } tMin && ThetaMax is { } tMax && tMin > tMax)
            {
                p.Add(K("theta_max"), $"{K("theta_max")} ({ProblemCollector.Format(tMax)}) must not be less than " +
                                      $"theta_min ({ProblemCollector.Format(tMin)})");
            }
        }
        else if (Symmetry.Length == 0)
        {
            // Upstream's validator treats "" like null, but its grid generator then fails on it.
            p.Add(K("symmetry"), $"{K("symmetry")} is empty; write 'symmetry: null' to search explicit angle ranges");
        }
        else
        {
            if (setRanges.Length > 0)
            {
                p.Add(K("symmetry"),
                    $"{keyPath}: symmetry group '{Symmetry}' is provided, but angle ranges are also set " +
                    $"({string.Join(", ", setRanges)}); set all angle ranges to null when using symmetry, or write " +
                    "'symmetry: null' to use explicit ranges (symmetry defaults to C1 when omitted)");
            }

            if (!SymmetryGroup.TryParse(Symmetry, out _, out var why))
            {
                p.Add(K("symmetry"), $"{K("symmetry")}: {why}");
            }
        }

        return p.Problems;
    }

    /// <summary>
    /// The same search for the orientation generator, every field copied (<c>base_grid_method</c> becomes
    /// <see cref="OrientationSampling.BaseGrid"/>). The sampling resolves the angle ranges
    /// (<see cref="OrientationSampling.ResolveRanges"/>) but does not check the cross-field rules of
    /// <see cref="Validate"/>: a symmetry there silently overrides explicit ranges.
    /// </summary>
    public OrientationSampling ToSampling() => new()
    {
        PsiStep = PsiStep,
        ThetaStep = ThetaStep,
        PhiMin = PhiMin,
        PhiMax = PhiMax,
        ThetaMin = ThetaMin,
        ThetaMax = ThetaMax,
        PsiMin = PsiMin,
        PsiMax = PsiMax,
        BaseGrid = BaseGridMethod,
        Symmetry = Symmetry,
    };
}
