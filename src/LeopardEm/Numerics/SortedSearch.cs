using System.Numerics;

namespace LeopardEm.Numerics;

/// <summary>Binary searches over ascending values, with C++'s lower/upper-bound meaning (the insertion points that keep
/// the order), which is what torch's <c>bucketize</c> and <c>searchsorted</c> compute.</summary>
internal static class SortedSearch
{
    /// <summary>The first index i with <c>values[i·stride] ≥ x</c> (the element count when there is none).</summary>
    /// <param name="values">Ascending values, read at every <paramref name="stride"/>-th element.</param>
    /// <param name="x">The value searched for.</param>
    /// <param name="stride">Distance between the searched elements (e.g. 3 for the z of packed x, y, z triples).</param>
    public static int LowerBound<T>(ReadOnlySpan<T> values, T x, int stride = 1)
        where T : INumber<T> => Partition(values, x, stride, strict: true);

    /// <summary>The first index i with <c>values[i·stride] &gt; x</c> (the element count when there is none).</summary>
    public static int UpperBound<T>(ReadOnlySpan<T> values, T x, int stride = 1)
        where T : INumber<T> => Partition(values, x, stride, strict: false);

    // Elements before the partition point satisfy value < x (strict) or value <= x.
    private static int Partition<T>(ReadOnlySpan<T> values, T x, int stride, bool strict)
        where T : INumber<T>
    {
        int lo = 0, hi = values.Length / stride;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var value = values[mid * stride];
            if (strict ? value < x : value <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
