using System.Globalization;

namespace LeopardEm.Programs;

/// <summary>
/// The additional B-factors a B-factor scan tries (Leopard-EM's <c>optimize_b_factor.py</c> loop, applied to the
/// template's <c>additional_b_factor</c>): <see cref="Min"/>, <see cref="Min"/> + <see cref="Step"/>, … up to and
/// including <see cref="Max"/>, in Å².
/// </summary>
/// <param name="Min">First value, Å².</param>
/// <param name="Max">Last value (inclusive, to a millionth of a step), Å²; ≥ <paramref name="Min"/>.</param>
/// <param name="Step">Spacing, Å² (&gt; 0).</param>
public sealed record BFactorScan(double Min, double Max, double Step)
{
    /// <summary>Most values a scan may have: each is a simulation.</summary>
    public const int MaxCount = 10_000;

    /// <summary>The values in ascending order; each is <c>Min + k·Step</c>, rounded to 1e-9 Å² so a decimal step does
    /// not print with binary noise.</summary>
    /// <exception cref="ArgumentException">The range is empty or invalid.</exception>
    public IReadOnlyList<double> Values()
    {
        if (Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var count = (int)Math.Floor((Max - Min) / Step + 1e-6) + 1;
        return [.. Enumerable.Range(0, count).Select(k => Math.Round(Min + k * Step, 9))];
    }

    /// <summary>Why the range is unusable, or null when it is fine.</summary>
    public string? Problem()
    {
        if (!double.IsFinite(Min) || !double.IsFinite(Max) || !double.IsFinite(Step))
        {
            return $"the B-factor range {this} must be finite numbers";
        }

        if (Step <= 0)
        {
            return $"the B-factor step must be positive, got {Format(Step)}";
        }

        if (Max < Min)
        {
            return $"the largest B-factor ({Format(Max)}) is below the smallest ({Format(Min)})";
        }

        return (Max - Min) / Step + 1 > MaxCount ? $"the B-factor range {this} has more than {MaxCount} values" : null;
    }

    /// <summary><c>MIN:MAX:STEP</c>, the command-line form.</summary>
    public override string ToString() => $"{Format(Min)}:{Format(Max)}:{Format(Step)}";

    /// <summary>Parses <c>MIN:MAX:STEP</c> (three numbers in Å², invariant culture); null when the text is not of that
    /// form (range rules are <see cref="Problem"/>'s).</summary>
    public static BFactorScan? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        var numbers = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        return numbers.Length == 3 ? new BFactorScan(numbers[0], numbers[1], numbers[2]) : null;
    }

    private static string Format(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
