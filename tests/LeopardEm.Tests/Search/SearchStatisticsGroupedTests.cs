using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>Grouped statistics updates (several maps folded per row pass) agree with one map at a time.</summary>
public class SearchStatisticsGroupedTests
{
    [Fact]
    public void Adding_rows_of_several_maps_at_once_equals_adding_the_maps_one_by_one()
    {
        // 3 maps of 5 x 13 (a vector of 8 and a scalar tail per row) with stride 16, plus deliberate ties.
        const int height = 5, width = 13, stride = 16, maps = 3;
        var random = new Random(5);
        var values = Enumerable.Range(0, maps * height * stride).Select(_ => (float)Math.Round(random.NextDouble() * 4, 1)).ToArray();
        int[] indices = [7, 3, 11];

        var oneByOne = new SearchStatistics(height, width);
        for (var m = 0; m < maps; m++)
        {
            oneByOne.Add(values.AsSpan(m * height * stride, height * stride), stride, indices[m]);
        }

        var together = new SearchStatistics(height, width);
        together.AddRows(values, height * stride, stride, 0, 2, indices);
        together.AddRows(values.AsSpan(2 * stride), height * stride, stride, 2, 3, indices);
        together.CountMaps(maps);

        Assert.Equal(oneByOne.Mip, together.Mip);
        Assert.Equal(oneByOne.BestIndex, together.BestIndex);
        Assert.Equal(oneByOne.Sum, together.Sum);
        Assert.Equal(oneByOne.SumOfSquares, together.SumOfSquares);
        Assert.Equal(oneByOne.Count, together.Count);
    }

    [Fact]
    public void Ties_go_to_the_lowest_index_whatever_the_order()
    {
        var statistics = new SearchStatistics(1, 9);
        var ones = Enumerable.Repeat(1f, 9).ToArray();
        statistics.AddRows(ones, 0, 9, 0, 1, [5]);
        statistics.AddRows([.. ones, .. ones], 9, 9, 0, 1, [9, 2]);
        Assert.All(statistics.BestIndex, index => Assert.Equal(2, index));
    }
}
