using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace LeopardEm.Orientations;

/// <summary>
/// A template point group parsed from a string such as "C1", "c6", "D7", "T", "O" or "I" (letters case-insensitive,
/// then optional digits giving the order, default 1), and the Euler-angle ranges that cover one asymmetric unit
/// (torch-so3 <c>get_symmetry_ranges</c>, spec §6.4). Symmetry only narrows the ranges; nothing is expanded or
/// de-duplicated. <c>default(SymmetryGroup)</c> is C1.
/// </summary>
public readonly partial record struct SymmetryGroup
{
    // Stored minus one so that default(SymmetryGroup) is C1 rather than an invalid C0.
    private readonly int _orderMinusOne;

    /// <summary>Creates a group; <paramref name="order"/> must be at least 1 for C and D and is ignored otherwise.</summary>
    /// <param name="kind">Point-group family.</param>
    /// <param name="order">Order n of C n / D n; stored as 1 for T, O and I.</param>
    public SymmetryGroup(SymmetryKind kind, int order = 1)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown symmetry kind.");
        }

        bool hasOrder = kind is SymmetryKind.Cyclic or SymmetryKind.Dihedral;
        if (hasOrder && order < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(order), order, $"The order of a {Letter(kind)} group must be at least 1 (e.g. {Letter(kind)}1).");
        }

        Kind = kind;
        _orderMinusOne = hasOrder ? order - 1 : 0;
    }

    /// <summary>The C1 group (no symmetry): the full orientation space.</summary>
    public static SymmetryGroup C1 => new(SymmetryKind.Cyclic, 1);

    /// <summary>Point-group family.</summary>
    public SymmetryKind Kind { get; }

    /// <summary>Order n for C n and D n; 1 for T, O and I (whose digits upstream ignores).</summary>
    public int Order => _orderMinusOne + 1;

    /// <summary>
    /// Parses a symmetry string. Accepted: letters then optional digits (upstream regex <c>^([A-Za-z]+)(\d*)$</c>),
    /// letters C, D, T, O or I in either case. Digits after T, O or I are accepted and ignored, as upstream does.
    /// </summary>
    /// <param name="text">The symmetry string, e.g. "C1" or "d7".</param>
    /// <exception cref="ArgumentException">
    /// The text does not have the letters-then-digits form (e.g. "C2v", "", "2"), the letters are not a supported group
    /// (e.g. "X3", "CC"), or the order is 0 for C/D or too large for an int; the message is the one
    /// <see cref="TryParse"/> gives.
    /// </exception>
    public static SymmetryGroup Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out SymmetryGroup group, out string? error)
            ? group
            : throw new ArgumentException(error, nameof(text));
    }

    /// <summary>
    /// Parses a symmetry string like <see cref="Parse"/> without throwing, and says why it is invalid: the form
    /// (<c>^([A-Za-z]+)(\d*)$</c>), the group letters (C, D, T, O or I) and the order (a positive integer for C and D;
    /// 1 when no digits follow) are checked in that order.
    /// </summary>
    /// <param name="text">The symmetry string, e.g. "C1" or "d7"; null is invalid.</param>
    /// <param name="group">The group, or <c>default</c> (C1) when parsing fails.</param>
    /// <param name="error">Why parsing failed (for a user: it quotes <paramref name="text"/>), or null.</param>
    /// <returns>Whether <paramref name="text"/> is a supported symmetry group.</returns>
    public static bool TryParse(string? text, out SymmetryGroup group, [NotNullWhen(false)] out string? error)
    {
        group = default;
        Match? match = text is null ? null : SymmetryPattern().Match(text);
        if (match is null || !match.Success)
        {
            error = $"Invalid symmetry format: {text}";
            return false;
        }

        string letters = match.Groups[1].Value.ToUpperInvariant();
        SymmetryKind? kind = letters switch
        {
            "C" => SymmetryKind.Cyclic,
            "D" => SymmetryKind.Dihedral,
            "T" => SymmetryKind.Tetrahedral,
            "O" => SymmetryKind.Octahedral,
            "I" => SymmetryKind.Icosahedral,
            _ => null,
        };
        if (kind is not { } known)
        {
            error = $"Symmetry group '{match.Groups[1].Value}' not recognized in '{text}'; expected one of "
                    + string.Join(", ", Enum.GetValues<SymmetryKind>().Select(Letter))
                    + " (optionally followed by an order, e.g. C2, D7)";
            return false;
        }

        string digits = match.Groups[2].Value;
        int order = 1;
        if (digits.Length > 0 && !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out order))
        {
            // \d also matches non-ASCII digits, which int.TryParse rejects; only an ASCII overflow is "too large".
            error = $"Invalid symmetry order in '{text}': the order must be a positive integer"
                    + (digits.All(char.IsAsciiDigit) ? $", and {digits} is too large" : "");
            return false;
        }

        if (known is SymmetryKind.Cyclic or SymmetryKind.Dihedral && order < 1)
        {
            // Upstream divides 360 by the order and crashes on 0; say why instead.
            error = $"Invalid symmetry order in '{text}': the order must be a positive integer";
            return false;
        }

        group = new SymmetryGroup(known, order);
        error = null;
        return true;
    }

    /// <summary>
    /// Euler-angle ranges in degrees covering one asymmetric unit (spec §6.4). Minima are always 0 and psi always
    /// spans 0..360. C n: phi &lt; 360/n, theta ≤ 180. D n: phi &lt; 360/n, theta ≤ 90. T: phi &lt; 180,
    /// theta ≤ 54.7356. O: phi &lt; 90, theta ≤ 54.7356. I: phi &lt; 180, theta ≤ 31.7.
    /// </summary>
    public AngleRanges GetRanges()
    {
        (double phiMax, double thetaMax) = Kind switch
        {
            SymmetryKind.Cyclic => (360.0 / Order, 180.0),
            SymmetryKind.Dihedral => (360.0 / Order, 90.0),
            SymmetryKind.Tetrahedral => (180.0, 54.7356),
            SymmetryKind.Octahedral => (90.0, 54.7356),
            _ => (180.0, 31.7),
        };
        return new AngleRanges(0.0, phiMax, 0.0, thetaMax, 0.0, 360.0);
    }

    /// <summary>Canonical text: "C2", "D7", "T", "O", "I".</summary>
    public override string ToString() =>
        Kind is SymmetryKind.Cyclic or SymmetryKind.Dihedral
            ? Letter(Kind) + Order.ToString(CultureInfo.InvariantCulture)
            : Letter(Kind);

    private static string Letter(SymmetryKind kind) => kind switch
    {
        SymmetryKind.Cyclic => "C",
        SymmetryKind.Dihedral => "D",
        SymmetryKind.Tetrahedral => "T",
        SymmetryKind.Octahedral => "O",
        _ => "I",
    };

    [GeneratedRegex(@"^([A-Za-z]+)(\d*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SymmetryPattern();
}
