using System.Runtime.CompilerServices;
using LeopardEm.Imaging;

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

/// <summary>Complex operations whose sign depends on the direction. Roots of unity are always stored for the forward
/// direction; the inverse direction uses their conjugates.</summary>
internal static class DirectedMath
{
    /// <summary><paramref name="a"/> times the forward root <paramref name="w"/>, or times its conjugate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF Twiddle<TDir>(ComplexF a, ComplexF w)
        where TDir : struct, IFftDirection => TDir.IsInverse
        ? new ComplexF(a.Re * w.Re + a.Im * w.Im, a.Im * w.Re - a.Re * w.Im)
        : new ComplexF(a.Re * w.Re - a.Im * w.Im, a.Re * w.Im + a.Im * w.Re);

    /// <summary><paramref name="a"/> times <c>-i</c> (forward) or <c>+i</c> (inverse), i.e. by the quarter-turn
    /// root <c>exp(∓iπ/2)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF QuarterTurn<TDir>(ComplexF a)
        where TDir : struct, IFftDirection => TDir.IsInverse
        ? new ComplexF(-a.Im, a.Re)
        : new ComplexF(a.Im, -a.Re);
}
