using System.Globalization;

namespace LeopardEm.Settings;

/// <summary>
/// Accumulates <see cref="SettingsProblem"/>s with uniform wording, so every block phrases range errors the same
/// way (close to pydantic's wording, which Leopard-EM users know).
/// </summary>
internal sealed class ProblemCollector
{
    private readonly List<SettingsProblem> _problems = [];

    public IReadOnlyList<SettingsProblem> Problems => _problems;

    public static string Format(double value) => double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString(CultureInfo.InvariantCulture);

    public static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;

    public void Add(string keyPath, string message) => _problems.Add(new SettingsProblem(keyPath, message));

    public void AddRange(IEnumerable<SettingsProblem> problems) => _problems.AddRange(problems);

    /// <summary>Rejects NaN and infinities, which pass pydantic but poison every downstream computation.</summary>
    public bool Finite(string keyPath, double value)
    {
        if (double.IsFinite(value))
        {
            return true;
        }

        Add(keyPath, $"{keyPath} must be a finite number, got {Format(value)}");
        return false;
    }

    public void Finite(string keyPath, double? value)
    {
        if (value is { } v)
        {
            Finite(keyPath, v);
        }
    }

    public void AtLeast(string keyPath, double value, double minimum)
    {
        if (Finite(keyPath, value) && value < minimum)
        {
            Add(keyPath, $"{keyPath} must be greater than or equal to {Format(minimum)}, got {Format(value)}");
        }
    }

    public void AtLeast(string keyPath, double? value, double minimum)
    {
        if (value is { } v)
        {
            AtLeast(keyPath, v, minimum);
        }
    }

    public void GreaterThan(string keyPath, double value, double minimum, string? why = null)
    {
        if (Finite(keyPath, value) && value <= minimum)
        {
            Add(keyPath, $"{keyPath} must be greater than {Format(minimum)}, got {Format(value)}" +
                         (why is null ? "" : $"; {why}"));
        }
    }

    public void Between(string keyPath, double value, double minimum, double maximum)
    {
        if (Finite(keyPath, value) && (value < minimum || value > maximum))
        {
            Add(keyPath, $"{keyPath} must be between {Format(minimum)} and {Format(maximum)}, got {Format(value)}");
        }
    }

    public void NotEmpty(string keyPath, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(keyPath, $"{keyPath} must not be empty");
        }
    }
}
