namespace LeopardEm.Filters;

/// <summary>
/// A filter that depends only on spatial-frequency magnitude: values at increasing sample frequencies (cycles/pixel),
/// linearly interpolated between samples (NumPy <c>interp</c> semantics) and equal to <see cref="OutsideValue"/> below
/// the first or at/after the last sample. Evaluated on rfft grids of any size.
/// </summary>
public sealed class RadialCurve
{
    private readonly float[] _frequencies;
    private readonly float[] _values;

    /// <summary>Creates a curve from strictly increasing frequencies (cycles/pixel) and their values.</summary>
    /// <param name="frequencies">Sample frequencies in cycles/pixel, strictly increasing, at least two.</param>
    /// <param name="values">Filter value at each sample.</param>
    /// <param name="outsideValue">Value below the first and at or beyond the last sample (1 = pass unchanged).</param>
    public RadialCurve(IReadOnlyList<float> frequencies, IReadOnlyList<float> values, float outsideValue = 1f)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(values);
        if (frequencies.Count != values.Count)
        {
            throw new ArgumentException($"{frequencies.Count} frequencies but {values.Count} values.", nameof(values));
        }

        if (frequencies.Count < 2)
        {
            throw new ArgumentException("A radial curve needs at least two samples.", nameof(frequencies));
        }

        for (var i = 1; i < frequencies.Count; i++)
        {
            if (!(frequencies[i] > frequencies[i - 1]))
            {
                throw new ArgumentException($"Frequencies must increase strictly; sample {i} ({frequencies[i]}) does not.", nameof(frequencies));
            }
        }

        _frequencies = [.. frequencies];
        _values = [.. values];
        OutsideValue = outsideValue;
    }

    /// <summary>Sample frequencies, cycles/pixel.</summary>
    public IReadOnlyList<float> Frequencies => _frequencies;

    /// <summary>Values at the sample frequencies.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <summary>Value outside the sampled range.</summary>
    public float OutsideValue { get; }

    /// <summary>The curve at frequency magnitude <paramref name="q"/> (cycles/pixel).</summary>
    public float Evaluate(float q)
    {
        var last = _frequencies.Length - 1;
        if (q < _frequencies[0] || q >= _frequencies[last])
        {
            return OutsideValue;
        }

        // searchsorted(right): number of samples <= q, in 1..last.
        var j = Numerics.SortedSearch.UpperBound<float>(_frequencies, q);
        var x0 = _frequencies[j - 1];
        var y0 = _values[j - 1];
        return y0 + (_values[j] - y0) * (q - x0) / (_frequencies[j] - x0);
    }

    /// <summary>
    /// The curve on the unshifted rfft grid of a real <paramref name="height"/> x <paramref name="width"/> image
    /// (height x (width/2+1) values, row-major).
    /// </summary>
    public float[] EvaluateRfft(int height, int width)
    {
        var magnitudes = Imaging.FrequencyGrid.RfftMagnitudes(height, width);
        for (var i = 0; i < magnitudes.Length; i++)
        {
            magnitudes[i] = Evaluate(magnitudes[i]);
        }

        return magnitudes;
    }
}
