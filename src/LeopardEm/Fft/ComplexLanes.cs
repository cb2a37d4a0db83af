using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// A group of adjacent complex values processed together by the FFT kernels: one value (<see cref="ScalarLanes"/>)
/// or four in a Vector256 (<see cref="VectorLanes"/>). Kernels are written once, generic over this interface, and the
/// JIT compiles a branch-free copy per lane type; both perform the same float operations in the same order, so the
/// two copies give identical results.
/// </summary>
internal unsafe interface IComplexLanes<TSelf>
    where TSelf : unmanaged, IComplexLanes<TSelf>
{
    /// <summary>Complex values per lane group.</summary>
    static abstract int Count { get; }

    /// <summary>Loads <see cref="Count"/> consecutive values.</summary>
    static abstract TSelf Load(ComplexF* source);

    /// <summary>Stores <see cref="Count"/> consecutive values.</summary>
    static abstract void Store(ComplexF* target, TSelf value);

    /// <summary>Every lane set to (re, im).</summary>
    static abstract TSelf Broadcast(float re, float im);

    /// <summary>Element-wise sum.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);

    /// <summary>Element-wise difference.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);

    /// <summary>Scaling by a real number.</summary>
    static abstract TSelf operator *(TSelf a, float s);

    /// <summary><c>(a.re·p.re + a.im·q.re, a.im·p.im + a.re·q.im)</c> per value: with p = (wr, wr) and
    /// q = (−wi, wi) this is the complex product a·w (see <see cref="Lanes.Root"/>).</summary>
    static abstract TSelf Rotate(TSelf a, TSelf p, TSelf q);

    /// <summary>a times −i (forward) or +i (inverse).</summary>
    static abstract TSelf QuarterTurn<TDir>(TSelf a)
        where TDir : struct, IFftDirection;
}

/// <summary>Helpers over any <see cref="IComplexLanes{TSelf}"/>.</summary>
internal static class Lanes
{
    /// <summary>The (p, q) pair with which <see cref="IComplexLanes{TSelf}.Rotate"/> multiplies by the forward root
    /// <paramref name="w"/>, or by its conjugate in the inverse direction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (TLane P, TLane Q) Root<TDir, TLane>(ComplexF w)
        where TDir : struct, IFftDirection
        where TLane : unmanaged, IComplexLanes<TLane>
    {
        var im = TDir.IsInverse ? -w.Im : w.Im;
        return (TLane.Broadcast(w.Re, w.Re), TLane.Broadcast(-im, im));
    }
}

/// <summary>One complex value per lane group: the fallback for strides that are not a multiple of four.</summary>
internal readonly unsafe struct ScalarLanes : IComplexLanes<ScalarLanes>
{
    private readonly ComplexF _value;

    private ScalarLanes(ComplexF value) => _value = value;

    /// <inheritdoc />
    public static int Count => 1;

    /// <inheritdoc />
    public static ScalarLanes Load(ComplexF* source) => new(*source);

    /// <inheritdoc />
    public static void Store(ComplexF* target, ScalarLanes value) => *target = value._value;

    /// <inheritdoc />
    public static ScalarLanes Broadcast(float re, float im) => new(new ComplexF(re, im));

    /// <inheritdoc />
    public static ScalarLanes operator +(ScalarLanes a, ScalarLanes b) => new(a._value + b._value);

    /// <inheritdoc />
    public static ScalarLanes operator -(ScalarLanes a, ScalarLanes b) => new(a._value - b._value);

    /// <inheritdoc />
    public static ScalarLanes operator *(ScalarLanes a, float s) => new(a._value * s);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes Rotate(ScalarLanes a, ScalarLanes p, ScalarLanes q)
    {
        var (x, u, v) = (a._value, p._value, q._value);
        return new(new ComplexF(x.Re * u.Re + x.Im * v.Re, x.Im * u.Im + x.Re * v.Im));
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ScalarLanes QuarterTurn<TDir>(ScalarLanes a)
        where TDir : struct, IFftDirection
    {
        var x = a._value;
        return new(TDir.IsInverse ? new ComplexF(-x.Im, x.Re) : new ComplexF(x.Im, -x.Re));
    }
}

/// <summary>Four complex values (re, im, re, im, ...) in a Vector256.</summary>
internal readonly unsafe struct VectorLanes : IComplexLanes<VectorLanes>
{
    private readonly Vector256<float> _value;

    private VectorLanes(Vector256<float> value) => _value = value;

    /// <inheritdoc />
    public static int Count => 4;

    private static Vector256<int> Swap => Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);

    /// <inheritdoc />
    public static VectorLanes Load(ComplexF* source) => new(Vector256.Load((float*)source));

    /// <inheritdoc />
    public static void Store(ComplexF* target, VectorLanes value) => value._value.Store((float*)target);

    /// <inheritdoc />
    public static VectorLanes Broadcast(float re, float im) => new(Vector256.Create(re, im, re, im, re, im, re, im));

    /// <inheritdoc />
    public static VectorLanes operator +(VectorLanes a, VectorLanes b) => new(a._value + b._value);

    /// <inheritdoc />
    public static VectorLanes operator -(VectorLanes a, VectorLanes b) => new(a._value - b._value);

    /// <inheritdoc />
    public static VectorLanes operator *(VectorLanes a, float s) => new(a._value * s);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes Rotate(VectorLanes a, VectorLanes p, VectorLanes q) =>
        new(a._value * p._value + Vector256.Shuffle(a._value, Swap) * q._value);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VectorLanes QuarterTurn<TDir>(VectorLanes a)
        where TDir : struct, IFftDirection
    {
        var signs = TDir.IsInverse
            ? Vector256.Create(-1f, 1f, -1f, 1f, -1f, 1f, -1f, 1f)
            : Vector256.Create(1f, -1f, 1f, -1f, 1f, -1f, 1f, -1f);
        return new(Vector256.Shuffle(a._value, Swap) * signs);
    }
}
