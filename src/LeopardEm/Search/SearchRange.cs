namespace LeopardEm.Search;

/// <summary>
/// A contiguous range <c>[Start, Start + Count)</c> of global search indices (<see cref="SearchSpace.GlobalIndex"/>):
/// the part of a search one run computes. Statistics of disjoint ranges merge into those of their union exactly (MIP
/// and best index bit for bit), so a search can be split into shards, checkpoints or devices freely.
/// </summary>
/// <param name="Start">First global index, inclusive.</param>
/// <param name="Count">Number of global indices (cross-correlations per pixel).</param>
public readonly record struct SearchRange(int Start, int Count)
{
    /// <summary>One past the last global index.</summary>
    public int End => Start + Count;

    /// <summary>The whole of <paramref name="space"/>.</summary>
    public static SearchRange Whole(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        return new SearchRange(0, space.Total);
    }

    /// <summary>
    /// Shard <paramref name="index"/> (0-based) of <paramref name="count"/> balanced contiguous shards of
    /// <paramref name="total"/> indices: shard k is <c>[⌊k·T/n⌋, ⌊(k+1)·T/n⌋)</c>, so sizes differ by at most one and the
    /// shards tile the search in order.
    /// </summary>
    public static SearchRange Shard(int index, int count, int total)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, count, nameof(total));
        var start = (int)((long)index * total / count);
        var end = (int)((long)(index + 1) * total / count);
        return new SearchRange(start, end - start);
    }

    /// <summary>Throws unless the range is non-empty and inside a search of <paramref name="total"/> indices.</summary>
    public void ThrowIfOutside(int total)
    {
        if (Start < 0 || Count < 1 || (long)Start + Count > total)
        {
            throw new ArgumentOutOfRangeException(
                nameof(SearchRange), $"Search indices [{Start}, {(long)Start + Count}) are outside the search's {total} cross-correlations.");
        }
    }

    /// <summary>
    /// The (pixel-size, defocus) planes of <paramref name="orientation"/> inside the range, as plane indices
    /// <c>k = p·D + d</c> from <c>First</c> to <c>Last</c> inclusive (empty when <c>First &gt; Last</c>): global index
    /// <c>k·M + o</c> lies in the range exactly for these k.
    /// </summary>
    public (int First, int Last) PlanesOf(int orientation, SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var m = space.OrientationCount;
        var planes = space.DefocusCount * space.PixelSizeCount;
        // k·M + o ≥ Start ⇔ k ≥ ceil((Start − o)/M); k·M + o ≤ End − 1 ⇔ k ≤ floor((End − 1 − o)/M).
        var first = Math.Max(0, CeilDiv(Start - orientation, m));
        var last = Math.Min(planes - 1, FloorDiv(End - 1 - orientation, m));
        return (first, last);
    }

    private static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);

    private static int CeilDiv(int a, int b) => (int)Math.Ceiling((double)a / b);
}
