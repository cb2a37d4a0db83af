using System.Globalization;
using System.Text.RegularExpressions;

namespace LeopardEm.Settings;

/// <summary>
/// One SO(3) orientation grid: YAML block <c>orientation_search_config</c> (Leopard-EM
/// <c>OrientationSearchConfig</c>). Either a symmetry group sets the angle ranges, or <c>symmetry: null</c> and
/// explicit ranges do — never both.
/// </summary>
public sealed partial record OrientationSearchConfig : OrientationSearchSpec
{
    /// <summary>Symmetry groups the grid generator knows (upper case).</summary>
    public static readonly IReadOnlyList<string> KnownSymmetryGroups = ["C", "D", "T", "O", "I"];

    /// <summary><c>psi_step</c>: in-plane step in degrees, &gt; 0. Default 1.5.</summary>
    public double PsiStep { get; init; } = 1.5;

    /// <summary><c>theta_step</c>: out-of-plane step in degrees, &gt; 0. Default 2.5.</summary>
    public double ThetaStep { get; init; } = 2.5;

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
    public BaseGridMethod BaseGridMethod { get; init; } = BaseGridMethod.Uniform;

    /// <summary><c>symmetry</c>: group letters plus optional order (e.g. <c>C1</c>, <c>D7</c>, <c>O</c>), or null
    /// to use explicit ranges. Default <c>C1</c>.</summary>
    public string? Symmetry { get; init; } = "C1";

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

            if (!TryParseSymmetry(Symmetry, out _, out _, out var why))
            {
                p.Add(K("symmetry"), $"{K("symmetry")}: {why}");
            }
        }

        return p.Problems;
    }

    /// <summary>
    /// Splits a symmetry string such as <c>D7</c> into its upper-case group letter(s) and order (1 when no digits
    /// follow), accepting only groups the grid generator supports.
    /// </summary>
    /// <param name="symmetry">Text matching <c>^([A-Za-z]+)(\d*)$</c>.</param>
    /// <param name="group">Upper-case group: C, D, T, O or I.</param>
    /// <param name="order">Order; ignored by the generator for T, O and I.</param>
    /// <param name="error">Why parsing failed, or null.</param>
    public static bool TryParseSymmetry(string? symmetry, out string group, out int order, out string? error)
    {
        group = "";
        order = 0;
        var match = symmetry is null ? null : SymmetryRegex().Match(symmetry);
        if (match is null || !match.Success)
        {
            error = $"Invalid symmetry format: {symmetry}";
            return false;
        }

        var letters = match.Groups[1].Value.ToUpperInvariant();
        var digits = match.Groups[2].Value;
        if (!KnownSymmetryGroups.Contains(letters))
        {
            error = $"Symmetry group '{match.Groups[1].Value}' not recognized in '{symmetry}'; expected one of " +
                    string.Join(", ", KnownSymmetryGroups) + " (optionally followed by an order, e.g. C2, D7)";
            return false;
        }

        if (digits.Length == 0)
        {
            order = 1;
        }
        else if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out order) ||
                 (order == 0 && letters is "C" or "D"))
        {
            // C0/D0 would divide by zero when computing phi_max = 360 / order.
            error = $"Invalid symmetry order in '{symmetry}': the order must be a positive integer";
            return false;
        }

        group = letters;
        error = null;
        return true;
    }

    /// <summary>
    /// The angle ranges the grid covers: from the symmetry group when set (phi_max 360/n and theta_max 180 for
    /// Cn, 90 for Dn; T 180/54.7356; O 90/54.7356; I 180/31.7; psi always 0..360), otherwise the explicit ranges
    /// with null bounds replaced by phi 0..360, theta 0..180, psi 0..360.
    /// </summary>
    /// <exception cref="SettingsValidationException">When the symmetry string is invalid.</exception>
    public EulerAngleRanges GetAngleRanges()
    {
        if (Symmetry is null)
        {
            return new EulerAngleRanges(PhiMin ?? 0, PhiMax ?? 360, ThetaMin ?? 0, ThetaMax ?? 180, PsiMin ?? 0,
                PsiMax ?? 360);
        }

        if (!TryParseSymmetry(Symmetry, out var group, out var order, out var why))
        {
            throw new SettingsValidationException([new SettingsProblem("symmetry", why!)]);
        }

        var (phiMax, thetaMax) = group switch
        {
            "C" => (360.0 / order, 180.0),
            "D" => (360.0 / order, 90.0),
            "T" => (180.0, 54.7356),
            "O" => (90.0, 54.7356),
            _ => (180.0, 31.7),
        };
        return new EulerAngleRanges(0, phiMax, 0, thetaMax, 0, 360);
    }

    [GeneratedRegex(@"^([A-Za-z]+)(\d*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SymmetryRegex();
}
