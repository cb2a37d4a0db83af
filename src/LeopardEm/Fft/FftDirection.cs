namespace LeopardEm.Fft;

/// <summary>
/// The sign of the exponent of a complex transform, as a type: kernels are generic over a struct implementing it, so
/// the JIT compiles one branch-free copy per direction. Forward uses <c>exp(-2πi k x / n)</c>, inverse
/// <c>exp(+2πi k x / n)</c> (unscaled).
/// </summary>
internal interface IFftDirection
{
    /// <summary>True for the inverse (positive exponent) direction.</summary>
    static abstract bool IsInverse { get; }
}

/// <summary>The forward (negative exponent) direction.</summary>
internal readonly struct ForwardDirection : IFftDirection
{
    /// <inheritdoc />
    public static bool IsInverse => false;
}

/// <summary>The inverse (positive exponent) direction.</summary>
internal readonly struct InverseDirection : IFftDirection
{
    /// <inheritdoc />
    public static bool IsInverse => true;
}
