using System.Runtime.Intrinsics;
using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// Mixed-radix Stockham (self-sorting, decimation in frequency) complex FFT for lengths whose prime factors are all at
/// most <see cref="MaxRadix"/>. Each stage reads one buffer and writes the other, so no bit-reversal pass is needed;
/// radices 4, 2, 3, 5, 7 have dedicated butterflies and other primes use a generic O(p²) butterfly, all vectorised
/// (Vector256, four sequences at a time) where the stride allows. Twiddles are computed in double and stored in float.
/// </summary>
internal sealed unsafe class StockhamFft : ComplexFftPlan
{
    /// <summary>The largest prime factor handled directly; lengths with larger ones use <see cref="BluesteinFft"/>.</summary>
    public const int MaxRadix = 64;

    private readonly Stage[] _stages;

    /// <summary>Plans length <paramref name="length"/>, which must satisfy <see cref="Supports"/>.</summary>
    public StockhamFft(int length)
        : base(length)
    {
        var radices = Factor(length) ?? throw new ArgumentException($"{length} has a prime factor above {MaxRadix}.", nameof(length));
        _stages = new Stage[radices.Count];
        var n = length;
        for (var i = 0; i < radices.Count; i++)
        {
            _stages[i] = new Stage(radices[i], n);
            n /= radices[i];
        }
    }

    /// <summary>True when every prime factor of <paramref name="length"/> is at most <see cref="MaxRadix"/>.</summary>
    public static bool Supports(int length) => Factor(length) is not null;

    /// <inheritdoc />
    public override int ScratchLength(int batch) => Length * batch;

    /// <inheritdoc />
    public override void Transform(ComplexF* data, ComplexF* scratch, int batch, bool inverse)
    {
        if (inverse)
        {
            Run<InverseDirection>(data, scratch, batch);
        }
        else
        {
            Run<ForwardDirection>(data, scratch, batch);
        }
    }

    private void Run<TDir>(ComplexF* data, ComplexF* scratch, int batch)
        where TDir : struct, IFftDirection
    {
        ComplexF* source = data, target = scratch;
        var stride = batch;
        foreach (var stage in _stages)
        {
            // Four lanes at a time wherever the stride allows (every stage of a batch of 4k sequences, all but the
            // first stages of a single one).
            if (Vector256.IsHardwareAccelerated && stride % VectorLanes.Count == 0)
            {
                RunStage<TDir, VectorLanes>(stage, source, target, stride);
            }
            else
            {
                RunStage<TDir, ScalarLanes>(stage, source, target, stride);
            }

            var written = target;
            target = source;
            source = written;
            stride *= stage.Radix;
        }

        if (source != data)
        {
            var bytes = (long)Length * batch * sizeof(ComplexF);
            Buffer.MemoryCopy(source, data, bytes, bytes);
        }
    }

    private static void RunStage<TDir, TLane>(Stage stage, ComplexF* source, ComplexF* target, int stride)
        where TDir : struct, IFftDirection
        where TLane : unmanaged, IComplexLanes<TLane>
    {
        var m = stage.Length / stage.Radix;
        fixed (ComplexF* twiddles = stage.Twiddles)
        fixed (ComplexF* roots = stage.Roots)
        {
            switch (stage.Radix)
            {
                case 2: StockhamButterflies<TDir, TLane>.Radix2(source, target, m, stride, twiddles); break;
                case 3: StockhamButterflies<TDir, TLane>.Radix3(source, target, m, stride, twiddles); break;
                case 4: StockhamButterflies<TDir, TLane>.Radix4(source, target, m, stride, twiddles); break;
                case 5: StockhamButterflies<TDir, TLane>.Radix5(source, target, m, stride, twiddles); break;
                case 7: StockhamButterflies<TDir, TLane>.Radix7(source, target, m, stride, twiddles); break;
                default: StockhamButterflies<TDir, TLane>.Generic(source, target, m, stride, twiddles, roots, stage.Radix); break;
            }
        }
    }

    // Radix order: 4s first (fewest passes), then 2, 3, 5 and larger primes. Null when a prime exceeds MaxRadix.
    private static List<int>? Factor(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var radices = new List<int>();
        while (n % 4 == 0)
        {
            radices.Add(4);
            n /= 4;
        }

        for (var p = 2; n > 1; p++)
        {
            if (p > MaxRadix)
            {
                return null;
            }

            while (n % p == 0)
            {
                radices.Add(p);
                n /= p;
            }
        }

        return radices;
    }

    /// <summary>One radix-p pass over sub-transforms of length <see cref="Length"/>: twiddles
    /// <c>w^(j·k)</c> (<c>w = exp(-2πi/Length)</c>) at <c>[j·(p-1) + k-1]</c>, and for generic radices the p-th roots
    /// of unity.</summary>
    private sealed class Stage
    {
        public Stage(int radix, int length)
        {
            Radix = radix;
            Length = length;
            var m = length / radix;
            Twiddles = new ComplexF[m * (radix - 1)];
            for (var j = 0; j < m; j++)
            {
                for (var k = 1; k < radix; k++)
                {
                    Twiddles[j * (radix - 1) + k - 1] = Root((long)j * k, length);
                }
            }

            Roots = radix > 7 ? Enumerable.Range(0, radix).Select(e => Root(e, radix)).ToArray() : [];
        }

        public int Radix { get; }

        public int Length { get; }

        public ComplexF[] Twiddles { get; }

        public ComplexF[] Roots { get; }
    }
}
