using LeopardEm.Search;

namespace LeopardEm.Tests.Search;

/// <summary>Per-pixel mean and population standard deviation of <see cref="SearchStatistics"/>, in double, as
/// <see cref="SearchResultMaps.FromStatistics"/> defines them (before its rounding to float32).</summary>
internal static class StatisticsMoments
{
    public static (double[] Mean, double[] StandardDeviation) Of(SearchStatistics statistics)
    {
        double total = statistics.Count;
        var mean = statistics.Sum.Select(s => s / total).ToArray();
        var std = statistics.SumOfSquares.Select((s, i) => Math.Sqrt(Math.Max(s / total - mean[i] * mean[i], 0))).ToArray();
        return (mean, std);
    }
}
