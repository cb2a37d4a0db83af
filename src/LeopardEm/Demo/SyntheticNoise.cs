namespace LeopardEm.Demo;

/// <summary>
/// Gaussian noise of a synthetic micrograph: a white floor of variance 1 per pixel plus an optional excess at low
/// frequencies, as ice thickness variations and the detector add in real micrographs. The power spectrum relative to
/// the white floor is <c>P(k) = 1 + LowFrequencyExcess / (1 + (k / CornerFrequency)²)</c>, k in cycles/pixel.
/// </summary>
/// <param name="LowFrequencyExcess">Extra power at k = 0 relative to the white floor (0 = white noise).</param>
/// <param name="CornerFrequency">Frequency at which the excess has fallen to half, cycles/pixel (&gt; 0).</param>
public sealed record SyntheticNoise(double LowFrequencyExcess = 0, double CornerFrequency = 0.05)
{
    /// <summary>White noise of variance 1.</summary>
    public static SyntheticNoise White { get; } = new();

    /// <summary>True when the spectrum is flat.</summary>
    public bool IsWhite => LowFrequencyExcess == 0;

    /// <summary>Power at <paramref name="frequency"/> (cycles/pixel) relative to the white floor.</summary>
    public double RelativePower(double frequency)
    {
        var ratio = frequency / CornerFrequency;
        return 1 + LowFrequencyExcess / (1 + ratio * ratio);
    }

    /// <summary>Throws when the parameters do not describe a noise spectrum.</summary>
    public void ThrowIfInvalid()
    {
        if (!(LowFrequencyExcess >= 0) || double.IsInfinity(LowFrequencyExcess))
        {
            throw new ArgumentOutOfRangeException(nameof(LowFrequencyExcess), LowFrequencyExcess, "The low-frequency excess must be finite and not negative.");
        }

        if (!(CornerFrequency > 0) || double.IsInfinity(CornerFrequency))
        {
            throw new ArgumentOutOfRangeException(nameof(CornerFrequency), CornerFrequency, "The corner frequency must be positive (cycles/pixel).");
        }
    }
}
