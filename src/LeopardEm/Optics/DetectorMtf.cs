namespace LeopardEm.Optics;

/// <summary>
/// A detector's modulation transfer function, tabulated against spatial frequency in cycles per pixel (RELION's
/// <c>_rlnResolutionInversePixel</c>, 0 to 0.5). Between table points it is interpolated linearly; outside the table
/// it takes the first or last value (as ttsim3d does for 3-D frequencies up to √3/2).
/// </summary>
public sealed class DetectorMtf
{
    private readonly double[] _frequencies;
    private readonly double[] _values;

    /// <summary>Creates the curve from at least one point.</summary>
    /// <param name="frequencies">Frequencies in cycles/pixel, strictly increasing.</param>
    /// <param name="values">MTF values (dimensionless) at those frequencies.</param>
    /// <exception cref="ArgumentException">The lists are empty, differ in length, hold non-finite numbers, or the
    /// frequencies do not increase.</exception>
    public DetectorMtf(IReadOnlyList<double> frequencies, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(values);
        if (frequencies.Count == 0 || frequencies.Count != values.Count)
        {
            throw new ArgumentException(
                $"An MTF needs at least one point and as many values as frequencies; got {frequencies.Count} frequencies and {values.Count} values.");
        }

        for (var i = 0; i < frequencies.Count; i++)
        {
            if (!double.IsFinite(frequencies[i]) || !double.IsFinite(values[i]))
            {
                throw new ArgumentException($"MTF point {i} is not finite ({frequencies[i]}, {values[i]}).");
            }

            if (i > 0 && frequencies[i] <= frequencies[i - 1])
            {
                throw new ArgumentException(
                    $"MTF frequencies must increase; point {i} ({frequencies[i]}) follows {frequencies[i - 1]}.");
            }
        }

        _frequencies = [.. frequencies];
        _values = [.. values];
    }

    /// <summary>Tabulated frequencies in cycles/pixel.</summary>
    public IReadOnlyList<double> Frequencies => _frequencies;

    /// <summary>Tabulated MTF values.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The MTF at <paramref name="frequency"/> cycles/pixel.</summary>
    public double Evaluate(double frequency)
    {
        if (frequency <= _frequencies[0])
        {
            return _values[0];
        }

        var last = _frequencies.Length - 1;
        if (frequency >= _frequencies[last])
        {
            return _values[last];
        }

        var upper = Array.BinarySearch(_frequencies, frequency);
        if (upper >= 0)
        {
            return _values[upper];
        }

        upper = ~upper;
        var t = (frequency - _frequencies[upper - 1]) / (_frequencies[upper] - _frequencies[upper - 1]);
        return _values[upper - 1] + t * (_values[upper] - _values[upper - 1]);
    }
}
