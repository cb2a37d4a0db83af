namespace LeopardEm.Settings;

/// <summary>
/// A user-supplied radial filter curve, linearly interpolated: YAML block
/// <c>preprocessing_filters.arbitrary_curve_filter</c> (Leopard-EM <c>ArbitraryCurveFilterConfig</c>).
/// </summary>
public sealed record ArbitraryCurveFilterConfig
{
    /// <summary>YAML key of this block inside <c>preprocessing_filters</c>.</summary>
    public const string YamlKey = "arbitrary_curve_filter";

    /// <summary><c>enabled</c>: apply the curve. Default false.</summary>
    public bool Enabled { get; init; }

    /// <summary><c>frequencies</c>: sample frequencies in cycles/pixel, increasing; required when enabled.
    /// Default null.</summary>
    public ValueList<double>? Frequencies { get; init; }

    /// <summary><c>amplitudes</c>: filter values at <see cref="Frequencies"/>, same length; required when enabled.
    /// Default null.</summary>
    public ValueList<double>? Amplitudes { get; init; }

    /// <summary>Checks that an enabled curve is complete and interpolable; an empty list means valid.</summary>
    /// <param name="keyPath">YAML path of this block, used to name the offending keys.</param>
    public IReadOnlyList<SettingsProblem> Validate(string keyPath = "preprocessing_filters." + YamlKey)
    {
        var p = new ProblemCollector();
        if (!Enabled)
        {
            return p.Problems;
        }

        var freqPath = ProblemCollector.Join(keyPath, "frequencies");
        var ampPath = ProblemCollector.Join(keyPath, "amplitudes");
        if (Frequencies is null || Amplitudes is null)
        {
            var missing = Frequencies is null ? freqPath : ampPath;
            p.Add(missing, $"{keyPath}: when enabled, both 'frequencies' and 'amplitudes' must be provided");
            return p.Problems;
        }

        // Upstream does not check the next three rules; violating them gives a silently wrong curve.
        if (Frequencies.Count == 0)
        {
            p.Add(freqPath, $"{freqPath} must contain at least one value");
        }

        if (Frequencies.Count != Amplitudes.Count)
        {
            p.Add(ampPath, $"{ampPath} must have the same length as frequencies ({Frequencies.Count}), got " +
                           $"{Amplitudes.Count}");
        }

        for (var i = 0; i < Frequencies.Count; i++)
        {
            p.Finite($"{freqPath}[{i}]", Frequencies[i]);
            if (i > 0 && Frequencies[i] < Frequencies[i - 1])
            {
                p.Add($"{freqPath}[{i}]", $"{freqPath} must be in increasing order, but value {i} " +
                                          $"({ProblemCollector.Format(Frequencies[i])}) is less than value {i - 1} " +
                                          $"({ProblemCollector.Format(Frequencies[i - 1])})");
            }
        }

        for (var i = 0; i < Amplitudes.Count; i++)
        {
            p.Finite($"{ampPath}[{i}]", Amplitudes[i]);
        }

        return p.Problems;
    }
}
