using LeopardEm.Io;

namespace LeopardEm.Tests.Io;

public sealed class MrcStatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    [InlineData(10_001)] // several chunks plus a ragged SIMD tail
    public void Matches_a_double_precision_reference(int length)
    {
        // A large offset with small spread: a float32 accumulator would lose the spread, a double one does not.
        var samples = MrcWriterTests.RandomSamples(length, seed: length).Select(x => 1000f + x).ToArray();
        var mean = samples.Average(x => (double)x);
        var std = Math.Sqrt(samples.Average(x => (x - mean) * (x - mean)));

        var statistics = MrcStatistics.Compute(samples, MrcMode.Float32);

        Assert.Equal(samples.Min(), statistics.Min);
        Assert.Equal(samples.Max(), statistics.Max);
        // Summation order differs from LINQ's, so allow one float32 ulp (2⁻²³ relative) after the final rounding.
        Assert.Equal(mean, statistics.Mean, Math.Abs(mean) * Math.Pow(2, -23));
        Assert.Equal(std, statistics.Rms, std * Math.Pow(2, -23));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(50)]
    [InlineData(66)] // in the scalar tail after the SIMD lanes
    public void NaN_anywhere_makes_every_statistic_NaN(int nanIndex)
    {
        var samples = MrcWriterTests.RandomSamples(67, seed: 5);
        samples[nanIndex] = float.NaN;

        var statistics = MrcStatistics.Compute(samples, MrcMode.Float32);

        Assert.True(float.IsNaN(statistics.Min) && float.IsNaN(statistics.Max) && float.IsNaN(statistics.Mean) && float.IsNaN(statistics.Rms));
    }

    [Fact]
    public void Infinities_give_infinite_extremes()
    {
        var samples = MrcWriterTests.RandomSamples(64, seed: 6);
        samples[10] = float.NegativeInfinity;
        samples[40] = float.PositiveInfinity;

        var statistics = MrcStatistics.Compute(samples, MrcMode.Float32);

        Assert.Equal(float.NegativeInfinity, statistics.Min);
        Assert.Equal(float.PositiveInfinity, statistics.Max);
    }

    [Fact]
    public void Float16_statistics_describe_the_rounded_values()
    {
        // 1/3 is not representable in half precision; the stored value is 0.333251953125.
        var statistics = MrcStatistics.Compute([1f / 3f], MrcMode.Float16);

        Assert.Equal((float)(Half)(1f / 3f), statistics.Min);
        Assert.Equal(0.333251953125f, statistics.Mean);
    }
}
