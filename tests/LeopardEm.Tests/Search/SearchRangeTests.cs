using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

public class SearchRangeTests
{
    /// <summary>Shards tile the search in order, each of ⌊T/N⌋ or ⌈T/N⌉ indices, for awkward totals and counts.</summary>
    [Theory]
    [InlineData(135, 1)]
    [InlineData(135, 2)]
    [InlineData(135, 7)]
    [InlineData(7, 7)]
    [InlineData(1_584_480 * 13, 64)]
    public void Shards_are_balanced_contiguous_and_tile_the_search(int total, int count)
    {
        var next = 0;
        for (var k = 0; k < count; k++)
        {
            var shard = SearchRange.Shard(k, count, total);
            Assert.Equal(next, shard.Start);
            Assert.InRange(shard.Count, total / count, (total + count - 1) / count);
            next = shard.End;
        }

        Assert.Equal(total, next);
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchRange.Shard(count, count, total));
    }

    /// <summary>For every orientation, the planes a range gives it are exactly those whose global index p·D·M + d·M + o
    /// lies inside the range (checked by enumeration over every range of a small space).</summary>
    [Fact]
    public void Planes_of_an_orientation_are_those_whose_index_is_in_the_range()
    {
        var space = new SearchSpace(SearchCase.RandomOrientations(5, 1), [-100f, 0f, 100f], [0f, 0.1f]);
        for (var start = 0; start < space.Total; start++)
        {
            for (var count = 1; start + count <= space.Total; count++)
            {
                var range = new SearchRange(start, count);
                var covered = 0;
                for (var o = 0; o < space.OrientationCount; o++)
                {
                    var (first, last) = range.PlanesOf(o, space);
                    for (var k = 0; k < space.DefocusCount * space.PixelSizeCount; k++)
                    {
                        var inside = k * space.OrientationCount + o >= start && k * space.OrientationCount + o < range.End;
                        Assert.Equal(inside, k >= first && k <= last);
                        covered += inside ? 1 : 0;
                    }
                }

                Assert.Equal(count, covered);
            }
        }
    }

    [Fact]
    public void Ranges_outside_the_search_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchRange(-1, 2).ThrowIfOutside(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchRange(0, 0).ThrowIfOutside(10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchRange(9, 2).ThrowIfOutside(10));
        new SearchRange(9, 1).ThrowIfOutside(10);
    }
}
