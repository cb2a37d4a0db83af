using LeopardEm.Imaging;

namespace LeopardEm.Fft;

/// <summary>
/// One Stockham decimation-in-frequency pass per radix. With m = n/p and stride s (the number of interleaved
/// sequences times the radices already done), every pass computes, for j &lt; m and each of the s lanes q,
/// <c>dst[q + s(pj + k)] = w^(jk) Σ_r src[q + s(j + rm)] ω_p^(rk)</c>; the inner loop over q is unit-stride and runs
/// <typeparamref name="TLane"/>.Count values at a time (s must be a multiple of it).
/// </summary>
internal static unsafe class StockhamButterflies<TDir, TLane>
    where TDir : struct, IFftDirection
    where TLane : unmanaged, IComplexLanes<TLane>
{
    private static readonly float Sin60 = (float)Math.Sin(Math.PI / 3);
    private static readonly float Cos72 = (float)Math.Cos(2 * Math.PI / 5);
    private static readonly float Cos144 = (float)Math.Cos(4 * Math.PI / 5);
    private static readonly float Sin72 = (float)Math.Sin(2 * Math.PI / 5);
    private static readonly float Sin144 = (float)Math.Sin(4 * Math.PI / 5);

    /// <summary>Radix-2 pass.</summary>
    public static void Radix2(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
    {
        var sm = (nint)s * m;
        for (var j = 0; j < m; j++)
        {
            var (p, q1) = Lanes.Root<TDir, TLane>(tw[j]);
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 2 * j;
            for (var q = 0; q < s; q += TLane.Count)
            {
                var a0 = TLane.Load(x + q);
                var a1 = TLane.Load(x + q + sm);
                TLane.Store(y + q, a0 + a1);
                TLane.Store(y + q + s, TLane.Rotate(a0 - a1, p, q1));
            }
        }
    }

    /// <summary>Radix-3 pass.</summary>
    public static void Radix3(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
    {
        var sm = (nint)s * m;
        var sin60 = Sin60;
        for (var j = 0; j < m; j++)
        {
            var (p1, q1) = Lanes.Root<TDir, TLane>(tw[2 * j]);
            var (p2, q2) = Lanes.Root<TDir, TLane>(tw[2 * j + 1]);
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 3 * j;
            for (var q = 0; q < s; q += TLane.Count)
            {
                var a0 = TLane.Load(x + q);
                var a1 = TLane.Load(x + q + sm);
                var a2 = TLane.Load(x + q + 2 * sm);
                var t = a1 + a2;
                var m1 = a0 - t * 0.5f;
                var m2 = TLane.QuarterTurn<TDir>(a1 - a2) * sin60;
                TLane.Store(y + q, a0 + t);
                TLane.Store(y + q + s, TLane.Rotate(m1 + m2, p1, q1));
                TLane.Store(y + q + 2 * s, TLane.Rotate(m1 - m2, p2, q2));
            }
        }
    }

    /// <summary>Radix-4 pass.</summary>
    public static void Radix4(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
    {
        var sm = (nint)s * m;
        for (var j = 0; j < m; j++)
        {
            var (p1, q1) = Lanes.Root<TDir, TLane>(tw[3 * j]);
            var (p2, q2) = Lanes.Root<TDir, TLane>(tw[3 * j + 1]);
            var (p3, q3) = Lanes.Root<TDir, TLane>(tw[3 * j + 2]);
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 4 * j;
            for (var q = 0; q < s; q += TLane.Count)
            {
                var a0 = TLane.Load(x + q);
                var a1 = TLane.Load(x + q + sm);
                var a2 = TLane.Load(x + q + 2 * sm);
                var a3 = TLane.Load(x + q + 3 * sm);
                var t0 = a0 + a2;
                var t1 = a0 - a2;
                var t2 = a1 + a3;
                var t3 = TLane.QuarterTurn<TDir>(a1 - a3);
                TLane.Store(y + q, t0 + t2);
                TLane.Store(y + q + s, TLane.Rotate(t1 + t3, p1, q1));
                TLane.Store(y + q + 2 * s, TLane.Rotate(t0 - t2, p2, q2));
                TLane.Store(y + q + 3 * s, TLane.Rotate(t1 - t3, p3, q3));
            }
        }
    }

    /// <summary>Radix-5 pass.</summary>
    public static void Radix5(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
    {
        var sm = (nint)s * m;
        float c1 = Cos72, c2 = Cos144, s1 = Sin72, s2 = Sin144;
        for (var j = 0; j < m; j++)
        {
            var (p1, q1) = Lanes.Root<TDir, TLane>(tw[4 * j]);
            var (p2, q2) = Lanes.Root<TDir, TLane>(tw[4 * j + 1]);
            var (p3, q3) = Lanes.Root<TDir, TLane>(tw[4 * j + 2]);
            var (p4, q4) = Lanes.Root<TDir, TLane>(tw[4 * j + 3]);
            var x = src + (nint)s * j;
            var y = dst + (nint)s * 5 * j;
            for (var q = 0; q < s; q += TLane.Count)
            {
                var a0 = TLane.Load(x + q);
                var a1 = TLane.Load(x + q + sm);
                var a2 = TLane.Load(x + q + 2 * sm);
                var a3 = TLane.Load(x + q + 3 * sm);
                var a4 = TLane.Load(x + q + 4 * sm);
                var t1 = a1 + a4;
                var t2 = a2 + a3;
                var t3 = a1 - a4;
                var t4 = a2 - a3;
                var m1 = a0 + t1 * c1 + t2 * c2;
                var m2 = a0 + t1 * c2 + t2 * c1;
                var n1 = TLane.QuarterTurn<TDir>(t3 * s1 + t4 * s2);
                var n2 = TLane.QuarterTurn<TDir>(t3 * s2 - t4 * s1);
                TLane.Store(y + q, a0 + t1 + t2);
                TLane.Store(y + q + s, TLane.Rotate(m1 + n1, p1, q1));
                TLane.Store(y + q + 2 * s, TLane.Rotate(m2 + n2, p2, q2));
                TLane.Store(y + q + 3 * s, TLane.Rotate(m2 - n2, p3, q3));
                TLane.Store(y + q + 4 * s, TLane.Rotate(m1 - n1, p4, q4));
            }
        }
    }

    /// <summary>Radix-7 pass: three conjugate pairs of outputs, each from the sums and differences of the three
    /// symmetric input pairs (the radix-5 scheme one step further).</summary>
    public static void Radix7(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw)
    {
        var sm = (nint)s * m;
        var c = stackalloc float[4];
        var sn = stackalloc float[4];
        for (var k = 1; k <= 3; k++)
        {
            c[k] = (float)Math.Cos(2 * Math.PI * k / 7);
            sn[k] = (float)Math.Sin(2 * Math.PI * k / 7);
        }

        var roots = stackalloc TLane[12];
        for (var j = 0; j < m; j++)
        {
            for (var k = 0; k < 6; k++)
            {
                (roots[2 * k], roots[2 * k + 1]) = Lanes.Root<TDir, TLane>(tw[6 * j + k]);
            }

            var x = src + (nint)s * j;
            var y = dst + (nint)s * 7 * j;
            for (var q = 0; q < s; q += TLane.Count)
            {
                var a0 = TLane.Load(x + q);
                var a1 = TLane.Load(x + q + sm);
                var a2 = TLane.Load(x + q + 2 * sm);
                var a3 = TLane.Load(x + q + 3 * sm);
                var a4 = TLane.Load(x + q + 4 * sm);
                var a5 = TLane.Load(x + q + 5 * sm);
                var a6 = TLane.Load(x + q + 6 * sm);
                var t1 = a1 + a6;
                var t2 = a2 + a5;
                var t3 = a3 + a4;
                var d1 = a1 - a6;
                var d2 = a2 - a5;
                var d3 = a3 - a4;
                // Output k and 7 − k share the real-cosine part and differ in the sign of the sine part;
                // cos(2πk·r/7) and sin(2πk·r/7) for r = 1..3 reduce to ±c[1..3], ±s[1..3].
                var m1 = a0 + t1 * c[1] + t2 * c[2] + t3 * c[3];
                var m2 = a0 + t1 * c[2] + t2 * c[3] + t3 * c[1];
                var m3 = a0 + t1 * c[3] + t2 * c[1] + t3 * c[2];
                var n1 = TLane.QuarterTurn<TDir>(d1 * sn[1] + d2 * sn[2] + d3 * sn[3]);
                var n2 = TLane.QuarterTurn<TDir>(d1 * sn[2] - d2 * sn[3] - d3 * sn[1]);
                var n3 = TLane.QuarterTurn<TDir>(d1 * sn[3] - d2 * sn[1] + d3 * sn[2]);
                TLane.Store(y + q, a0 + t1 + t2 + t3);
                TLane.Store(y + q + s, TLane.Rotate(m1 + n1, roots[0], roots[1]));
                TLane.Store(y + q + 2 * s, TLane.Rotate(m2 + n2, roots[2], roots[3]));
                TLane.Store(y + q + 3 * s, TLane.Rotate(m3 + n3, roots[4], roots[5]));
                TLane.Store(y + q + 4 * s, TLane.Rotate(m3 - n3, roots[6], roots[7]));
                TLane.Store(y + q + 5 * s, TLane.Rotate(m2 - n2, roots[8], roots[9]));
                TLane.Store(y + q + 6 * s, TLane.Rotate(m1 - n1, roots[10], roots[11]));
            }
        }
    }

    /// <summary>Radix-p pass for any p (used for primes above 7): a direct O(p²) DFT per butterfly, with
    /// <paramref name="roots"/> holding the p forward roots <c>exp(-2πi e/p)</c>.</summary>
    public static void Generic(ComplexF* src, ComplexF* dst, int m, int s, ComplexF* tw, ComplexF* roots, int p)
    {
        var sm = (nint)s * m;
        var a = stackalloc TLane[p];
        var rootLanes = stackalloc TLane[2 * p];
        for (var e = 0; e < p; e++)
        {
            (rootLanes[2 * e], rootLanes[2 * e + 1]) = Lanes.Root<TDir, TLane>(roots[e]);
        }

        for (var j = 0; j < m; j++)
        {
            var w = tw + (p - 1) * j;
            var x = src + (nint)s * j;
            var y = dst + (nint)s * p * j;
            for (var q = 0; q < s; q += TLane.Count)
            {
                var sum = a[0] = TLane.Load(x + q);
                for (var r = 1; r < p; r++)
                {
                    a[r] = TLane.Load(x + q + r * sm);
                    sum += a[r];
                }

                TLane.Store(y + q, sum);
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

                        acc += TLane.Rotate(a[r], rootLanes[2 * e], rootLanes[2 * e + 1]);
                    }

                    var (pk, qk) = Lanes.Root<TDir, TLane>(w[k - 1]);
                    TLane.Store(y + q + k * s, TLane.Rotate(acc, pk, qk));
                }
            }
        }
    }
}
