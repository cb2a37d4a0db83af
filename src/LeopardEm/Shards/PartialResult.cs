using LeopardEm.Search;

namespace LeopardEm.Shards;

/// <summary>The statistics of one part (a shard, or a checkpoint) of a search, with what identifies the search.</summary>
/// <param name="Header">What the statistics are of.</param>
/// <param name="Statistics">The statistics.</param>
public sealed record PartialResult(PartialHeader Header, SearchStatistics Statistics)
{
    /// <summary>The range of global search indices covered.</summary>
    public SearchRange Range => new(Header.RangeStart, Header.RangeCount);
}
