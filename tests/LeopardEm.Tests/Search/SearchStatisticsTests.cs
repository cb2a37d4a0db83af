using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>
/// The running per-pixel statistics. Widths 1, 5, 13 and 21 cover the scalar path alone, and the vector path with a
/// scalar remainder (vectors hold 8 floats).
/// </summary>
public class SearchStatisticsTests
{
    public static TheoryData<int> Widths => new([1, 5, 13, 21]);

    /// <summary>Maps of values in {0, 1, 2} (many exact ties) added in shuffled index order: each pixel keeps the
    /// lowest index among the maps reaching its maximum.</summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void Ties_go_to_the_lowest_index_whatever_the_arrival_order(int width)
    {
        const int height = 3, maps = 12;
        var random = new Random(width);
        var values = Enumerable.Range(0, maps).Select(_ => RandomMap(random, height * width, v => MathF.Floor(3 * v))).ToArray();
        var expectedMip = new float[height * width];
        var expectedBest = new int[height * width];
        for (var i = 0; i < height * width; i++)
        {
            expectedMip[i] = values.Max(m => m[i]);
            expectedBest[i] = Enumerable.Range(0, maps).First(g => values[g][i] == expectedMip[i]);
        }

        foreach (var seed in new[] { 1, 2, 3 })
        {
            var order = Enumerable.Range(0, maps).ToArray();
            new Random(seed).Shuffle(order);
            var statistics = new SearchStatistics(height, width);
            foreach (var g in order)
            {
                statistics.Add(values[g], width, g);
            }

            Assert.Equal(expectedMip, statistics.Mip);
            Assert.Equal(expectedBest, statistics.BestIndex);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void NaN_never_wins(int width)
    {
        var nan = Enumerable.Repeat(float.NaN, width).ToArray();
        var statistics = new SearchStatistics(1, width);
        statistics.Add(nan, width, 0);
        Assert.All(statistics.Mip, v => Assert.Equal(float.NegativeInfinity, v));
        Assert.All(statistics.BestIndex, g => Assert.Equal(-1, g));

        statistics.Add(Enumerable.Repeat(-5f, width).ToArray(), width, 7);
        statistics.Add(nan, width, 3);
        Assert.All(statistics.Mip, v => Assert.Equal(-5f, v));
        Assert.All(statistics.BestIndex, g => Assert.Equal(7, g));
        Assert.Equal(3, statistics.Count);
    }

    /// <summary>The vector path (any width ≥ 8) and the scalar path (a one-column region read with the map's stride)
    /// give bit-identical maxima, indices and sums.</summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void Vector_and_scalar_paths_agree_bit_for_bit(int width)
    {
        const int height = 4, maps = 9;
        var random = new Random(100 + width);
        var whole = new SearchStatistics(height, width);
        var columns = Enumerable.Range(0, width).Select(_ => new SearchStatistics(height, 1)).ToArray();
        for (var g = 0; g < maps; g++)
        {
            // Quantised values force ties between maps; the others exercise the double sums.
            var map = RandomMap(random, height * width, v => v < 0.3f ? 1.5f : 4 * v - 2);
            whole.Add(map, width, g);
            for (var x = 0; x < width; x++)
            {
                columns[x].Add(map.AsSpan(x), width, g);
            }
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                Assert.Equal(columns[x].Mip[y], whole.Mip[i]);
                Assert.Equal(columns[x].BestIndex[y], whole.BestIndex[i]);
                Assert.Equal(columns[x].Sum[y], whole.Sum[i]);
                Assert.Equal(columns[x].SumOfSquares[y], whole.SumOfSquares[i]);
            }
        }
    }

    [Fact]
    public void Sums_are_accumulated_in_double()
    {
        var statistics = new SearchStatistics(1, 9);
        // 2e7 + 1 is not a float32, so float sums would lose the 1.
        var values = new[] { 2e7f, 1f, -2e7f };
        for (var g = 0; g < values.Length; g++)
        {
            statistics.Add(Enumerable.Repeat(values[g], 9).ToArray(), 9, g);
        }

        Assert.All(statistics.Sum, s => Assert.Equal(1.0, s));
        Assert.All(statistics.SumOfSquares, s => Assert.Equal(8e14 + 1, s));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Merging_with_empty_statistics_changes_nothing(int width)
    {
        const int height = 2;
        var random = new Random(width);
        var filled = new SearchStatistics(height, width);
        for (var g = 0; g < 4; g++)
        {
            filled.Add(RandomMap(random, height * width, v => v), width, g);
        }

        var mergedIntoFilled = Copy(filled);
        mergedIntoFilled.Merge(new SearchStatistics(height, width));
        var mergedIntoEmpty = new SearchStatistics(height, width);
        mergedIntoEmpty.Merge(filled);
        foreach (var merged in new[] { mergedIntoFilled, mergedIntoEmpty })
        {
            Assert.Equal(filled.Mip, merged.Mip);
            Assert.Equal(filled.BestIndex, merged.BestIndex);
            Assert.Equal(filled.Sum, merged.Sum);
            Assert.Equal(filled.SumOfSquares, merged.SumOfSquares);
            Assert.Equal(filled.Count, merged.Count);
        }
    }

    [Fact]
    public void Merge_resolves_equal_maxima_to_the_lower_index_in_either_direction()
    {
        var low = new SearchStatistics(1, 1);
        low.Add([2f], 1, 3);
        var high = new SearchStatistics(1, 1);
        high.Add([2f], 1, 10);

        var a = Copy(high);
        a.Merge(low);
        var b = Copy(low);
        b.Merge(high);
        Assert.Equal(3, a.BestIndex[0]);
        Assert.Equal(3, b.BestIndex[0]);
        Assert.Equal(4.0, a.Sum[0]);
        Assert.Equal(2, a.Count);
    }

    [Fact]
    public void Merged_statistics_equal_the_statistics_of_all_maps()
    {
        const int height = 3, width = 11;
        var random = new Random(5);
        var maps = Enumerable.Range(0, 10).Select(_ => RandomMap(random, height * width, v => MathF.Round(4 * v))).ToArray();
        var all = new SearchStatistics(height, width);
        var even = new SearchStatistics(height, width);
        var odd = new SearchStatistics(height, width);
        for (var g = 0; g < maps.Length; g++)
        {
            all.Add(maps[g], width, g);
            (g % 2 == 0 ? even : odd).Add(maps[g], width, g);
        }

        odd.Merge(even);
        Assert.Equal(all.Mip, odd.Mip);
        Assert.Equal(all.BestIndex, odd.BestIndex);
        Assert.Equal(all.Count, odd.Count);
        for (var i = 0; i < all.Sum.Length; i++)
        {
            Assert.Equal(all.Sum[i], odd.Sum[i], 1e-12);
            Assert.Equal(all.SumOfSquares[i], odd.SumOfSquares[i], 1e-12);
        }
    }

    [Fact]
    public void Maps_too_small_for_the_region_or_mismatched_merges_are_rejected()
    {
        var statistics = new SearchStatistics(3, 4);
        Assert.Throws<ArgumentException>(() => statistics.Add(new float[11], 4, 0));
        Assert.Throws<ArgumentException>(() => statistics.Add(new float[12], 3, 0));
        Assert.Throws<ArgumentException>(() => statistics.Merge(new SearchStatistics(4, 3)));
        statistics.Add(new float[2 * 6 + 4], 6, 0);
        Assert.Equal(1, statistics.Count);
    }

    private static float[] RandomMap(Random random, int length, Func<float, float> shape) =>
        [.. Enumerable.Range(0, length).Select(_ => shape(random.NextSingle()))];

    private static SearchStatistics Copy(SearchStatistics source)
    {
        var copy = new SearchStatistics(source.Height, source.Width);
        copy.Merge(source);
        return copy;
    }
}
