using LeopardEm.Imaging;
using static LeopardEm.Fft.DirectedMath;

namespace LeopardEm.Fft;

/// <summary>
/// One Stockham decimation-in-frequency pass per radix. With m = n/p and stride s (the number of interleaved
/// sequences times the radices already done), every pass computes, for j &lt; m and each of the s lanes q,
/// <c>dst[q + s(pj + k)] = w^(jk) Σ_r src[q + s(j + rm)] ω_p^(rk)</c>; the inner loop over q is unit-stride.
/// </summary>
internal static unsafe class StockhamButterflies
{
    private static readonly float Sin60 = (float)Math.Sin(Math.PI / 3);
    private static readonly float Cos72 = (float)Math.Cos(2 * Math.PI / 5);
    private static readonly float Cos144 = (float)Math.Cos(4 * Math.PI / 5);
    private static readonly float Sin72 = (float)Math.Sin(2 * Math.PI / 5);
    private static readonly float Sin144 = (float)Math.Sin(4 * Math.PI / 5);

    /// <summary>Radix-2 pass.</summary>
    public static void Radix2<TDir>(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
        where TDir : struct, IFftDirection
    {
        var sm = (nint)s * m;
        for (var j = 0; j < m; j++)
        {
            var w = tw[j];
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 2 * j;
            for (var q = 0; q < s; q++)
            {
                var a0 = x[q];
                var a1 = x[q + sm];
                y[q] = a0 + a1;
                y[q + s] = Twiddle<TDir>(a0 - a1, w);
            }
        }
    }

    /// <summary>Radix-3 pass.</summary>
    public static void Radix3<TDir>(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
        where TDir : struct, IFftDirection
    {
        var sm = (nint)s * m;
        var sin60 = Sin60;
        for (var j = 0; j < m; j++)
        {
            var w1 = tw[2 * j];
            var w2 = tw[2 * j + 1];
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 3 * j;
            for (var q = 0; q < s; q++)
            {
                var a0 = x[q];
                var a1 = x[q + sm];
                var a2 = x[q + 2 * sm];
                var t = a1 + a2;
                var m1 = a0 - t * 0.5f;
                var m2 = QuarterTurn<TDir>(a1 - a2) * sin60;
                y[q] = a0 + t;
                y[q + s] = Twiddle<TDir>(m1 + m2, w1);
                y[q + 2 * s] = Twiddle<TDir>(m1 - m2, w2);
            }
        }
    }

    /// <summary>Radix-4 pass.</summary>
    public static void Radix4<TDir>(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
        where TDir : struct, IFftDirection
    {
        var sm = (nint)s * m;
        for (var j = 0; j < m; j++)
        {
            var w1 = tw[3 * j];
            var w2 = tw[3 * j + 1];
            var w3 = tw[3 * j + 2];
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 4 * j;
            for (var q = 0; q < s; q++)
            {
                var a0 = x[q];
                var a1 = x[q + sm];
                var a2 = x[q + 2 * sm];
                var a3 = x[q + 3 * sm];
                var t0 = a0 + a2;
                var t1 = a0 - a2;
                var t2 = a1 + a3;
                var t3 = QuarterTurn<TDir>(a1 - a3);
                y[q] = t0 + t2;
                y[q + s] = Twiddle<TDir>(t1 + t3, w1);
                y[q + 2 * s] = Twiddle<TDir>(t0 - t2, w2);
                y[q + 3 * s] = Twiddle<TDir>(t1 - t3, w3);
            }
        }
    }

    /// <summary>Radix-5 pass.</summary>
    public static void Radix5<TDir>(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
        where TDir : struct, IFftDirection
    {
        var sm = (nint)s * m;
        float c1 = Cos72, c2 = Cos144, s1 = Sin72, s2 = Sin144;
        for (var j = 0; j < m; j++)
        {
            var w = tw + 4 * j;
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 5 * j;
            for (var q = 0; q < s; q++)
            {
                var a0 = x[q];
                var a1 = x[q + sm];
                var a2 = x[q + 2 * sm];
                var a3 = x[q + 3 * sm];
                var a4 = x[q + 4 * sm];
                var t1 = a1 + a4;
                var t2 = a2 + a3;
                var t3 = a1 - a4;
                var t4 = a2 - a3;
                var m1 = a0 + t1 * c1 + t2 * c2;
                var m2 = a0 + t1 * c2 + t2 * c1;
                var n1 = QuarterTurn<TDir>(t3 * s1 + t4 * s2);
                var n2 = QuarterTurn<TDir>(t3 * s2 - t4 * s1);
                y[q] = a0 + t1 + t2;
                y[q + s] = Twiddle<TDir>(m1 + n1, w[0]);
                y[q + 2 * s] = Twiddle<TDir>(m2 + n2, w[1]);
                y[q + 3 * s] = Twiddle<TDir>(m2 - n2, w[2]);
                y[q + 4 * s] = Twiddle<TDir>(m1 - n1, w[3]);
            }
        }
    }

    /// <summary>Radix-p pass for any p (used for primes above 5): a direct O(p²) DFT per butterfly, with
    /// <paramref name="roots"/> holding the p forward roots <c>exp(-2πi e/p)</c>.</summary>
    public static void Generic<TDir>(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw, ComplexF* roots, int p)
        where TDir : struct, IFftDirection
    {
        var sm = (nint)s * m;
        var a = stackalloc ComplexF[p];
        for (var j = 0; j < m; j++)
        {
            var w = tw + (p - 1) * j;
            var x = src + (nint)s * j;
            var y = dst + (nint)s * p * j;
            for (var q = 0; q < s; q++)
            {
                var sum = ComplexF.Zero;
                for (var r = 0; r < p; r++)
                {
                    a[r] = x[q + r * sm];
                    sum += a[r];
                }

                y[q] = sum;
                for (var k = 1; k < p; k++)
                {
                    var acc = a[0];
                    var e = 0;
                    for (var r = 1; r < p; r++)
                    {
                        e += k;
                        if (e >= p)
                        {
                            e -= p;
                        }

                        acc += Twiddle<TDir>(a[r], roots[e]);
                    }

                    y[q + k * s] = Twiddle<TDir>(acc, w[k - 1]);
                }
            }
        }
    }
}
