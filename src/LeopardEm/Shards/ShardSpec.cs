using System.Globalization;
using LeopardEm.Search;

namespace LeopardEm.Shards;

/// <summary>Shard K of N (0-based): the K-th of N balanced contiguous ranges of a search's global indices
/// (<see cref="SearchRange.Shard"/>).</summary>
/// <param name="Index">K, 0 ≤ K &lt; N.</param>
/// <param name="Count">N ≥ 1.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>Parses "K/N".</summary>
    /// <exception cref="FormatException">Not two whole numbers with 0 ≤ K &lt; N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            return new ShardSpec(index, count);
        }

        throw new FormatException($"'{text}' is not a shard K/N with 0 ≤ K < N (e.g. 0/4 for the first of four).");
    }

    /// <summary>The shard's range in a search of <paramref name="total"/> indices.</summary>
    public SearchRange RangeIn(int total) => SearchRange.Shard(Index, Count, total);

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Index}/{Count}");
}
