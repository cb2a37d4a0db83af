namespace LeopardEm.Fft;

/// <summary>The sign of the exponent of a complex transform.</summary>
public enum TransformDirection
{
    /// <summary>Negative exponent, <c>exp(−2πi k t/n)</c>.</summary>
    Forward,

    /// <summary>Positive exponent, <c>exp(+2πi k t/n)</c>, unscaled.</summary>
    Inverse,
}
