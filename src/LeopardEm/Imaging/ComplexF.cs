using System.Runtime.InteropServices;

namespace LeopardEm.Imaging;

/// <summary>
/// A single-precision complex number laid out as two consecutive floats (real, imaginary), the memory layout of
/// FFTW's <c>fftwf_complex</c>, NumPy's <c>complex64</c> and cuFFT's <c>cufftComplex</c>, so spectra can be handed to
/// native code without copying.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ComplexF : IEquatable<ComplexF>
{
    /// <summary>Real part.</summary>
    public float Re;

    /// <summary>Imaginary part.</summary>
    public float Im;

    /// <summary>Creates a complex number from its real and imaginary parts.</summary>
    public ComplexF(float re, float im)
    {
        Re = re;
        Im = im;
    }

    /// <summary>Zero.</summary>
    public static ComplexF Zero => default;

    /// <summary>Squared magnitude |z|².</summary>
    public readonly float MagnitudeSquared => Re * Re + Im * Im;

    /// <summary>Magnitude |z|.</summary>
    public readonly float Magnitude => MathF.Sqrt(MagnitudeSquared);

    /// <summary>Complex conjugate.</summary>
    public readonly ComplexF Conjugate() => new(Re, -Im);

    /// <summary>Complex sum.</summary>
    public static ComplexF operator +(ComplexF a, ComplexF b) => new(a.Re + b.Re, a.Im + b.Im);

    /// <summary>Complex difference.</summary>
    public static ComplexF operator -(ComplexF a, ComplexF b) => new(a.Re - b.Re, a.Im - b.Im);

    /// <summary>Negation.</summary>
    public static ComplexF operator -(ComplexF a) => new(-a.Re, -a.Im);

    /// <summary>Complex product.</summary>
    public static ComplexF operator *(ComplexF a, ComplexF b) =>
        new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);

    /// <summary>Scaling by a real number.</summary>
    public static ComplexF operator *(ComplexF a, float s) => new(a.Re * s, a.Im * s);

    /// <inheritdoc />
    public readonly bool Equals(ComplexF other) => Re.Equals(other.Re) && Im.Equals(other.Im);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is ComplexF other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Re, Im);

    /// <summary>Exact component-wise equality.</summary>
    public static bool operator ==(ComplexF a, ComplexF b) => a.Equals(b);

    /// <summary>Exact component-wise inequality.</summary>
    public static bool operator !=(ComplexF a, ComplexF b) => !a.Equals(b);

    /// <inheritdoc />
    public override readonly string ToString() => $"({Re}, {Im})";
}
