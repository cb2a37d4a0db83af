using MathNet.Numerics;

namespace LeopardEm.Peaks;

/// <summary>
/// The rank-based probit transform of the p-value metric (Zhang et al. 2025; spec §12.3 step 1): each value is
/// replaced by the standard-normal quantile of its empirical rank, <c>√2 · erfinv(2u − 1)</c> with
/// <c>u = (rank − 0.5)/n</c> and ranks 1…n. The result is exactly N(0, 1)-distributed in rank order whatever the
/// distribution of the input, which is what lets the metric model the joint (z-score, MIP) cloud as a Gaussian.
/// </summary>
/// <remarks>
/// Ranks are those of upstream's double argsort (<c>argsort(argsort(x)) + 1</c>) with ties broken as a stable
/// ascending sort does: equal values get consecutive ranks in index (row-major) order, as NumPy's stable argsort
/// gives. NaN ranks above every number (NumPy sorts NaN last); −0 and +0 are equal.
/// </remarks>
public static class RankProbit
{
    /// <summary>Probit scores of <paramref name="values"/>, in the same order, in double precision.</summary>
    /// <param name="values">Any values (a flattened map); at most 2³¹ − 1 of them.</param>
    public static double[] Transform(ReadOnlySpan<float> values)
    {
        var ranks = Ranks(values);
        var n = (double)values.Length;
        var probits = new double[values.Length];
        for (var i = 0; i < probits.Length; i++)
        {
            var u = (ranks[i] + 1 - 0.5) / n;
            probits[i] = Math.Sqrt(2) * SpecialFunctions.ErfInv(2 * u - 1);
        }

        return probits;
    }

    /// <summary>Zero-based ranks (rank − 1) of <paramref name="values"/> in stable ascending order.</summary>
    /// <param name="values">Any values.</param>
    public static int[] Ranks(ReadOnlySpan<float> values)
    {
        // One key per element, value in the high 32 bits (as an order-preserving unsigned integer) and the index in
        // the low 32: a plain sort of the keys is then a stable sort of the values, without a comparer.
        var keys = new ulong[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            keys[i] = ((ulong)OrderedBits(values[i]) << 32) | (uint)i;
        }

        Array.Sort(keys);
        var ranks = new int[values.Length];
        for (var rank = 0; rank < keys.Length; rank++)
        {
            ranks[(int)(uint)keys[rank]] = rank;
        }

        return ranks;
    }

    // Maps a float to an unsigned integer with the same order: negative numbers have their bits flipped, positive
    // ones their sign bit set. Every NaN maps to the top and −0 to +0, matching NumPy's sort order.
    private static uint OrderedBits(float value)
    {
        if (float.IsNaN(value))
        {
            return uint.MaxValue;
        }

        var bits = BitConverter.SingleToUInt32Bits(value == 0 ? 0f : value);
        return (bits & 0x8000_0000u) != 0 ? ~bits : bits | 0x8000_0000u;
    }
}
