using LeopardEm.Search;
using LeopardEm.Tests.Fft;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Search;

/// <summary>
/// Results of the CPU backend do not depend on how the work is split: thread count, orientation batch size (dividing
/// the orientation count or not, a partial last batch with several defocus planes) or shards merged afterwards.
/// </summary>
public sealed class CpuCorrelationBackendDeterminismTests : IClassFixture<CpuCorrelationBackendDeterminismTests.SmallSearch>
{
    private readonly SmallSearch _search;
    private readonly ITestOutputHelper _log;

    public CpuCorrelationBackendDeterminismTests(SmallSearch search, ITestOutputHelper log)
    {
        _search = search;
        _log = log;
    }

    public static TheoryData<string> Engines => FftTestEngines.Available;

    /// <summary>
    /// MIP and best index bit-identical for threads 1 and 2 and batch sizes 1, 7, 9, 16, 64 over 45 orientations
    /// (9 divides 45; 7 and 16 leave a partial last batch; 64 is one partial batch); mean and standard deviation within
    /// 1e-6 of the standard deviation; sums bit-identical when the same split runs twice.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public void Maps_do_not_depend_on_threads_or_batch_size(string engine)
    {
        var backend = new CpuCorrelationBackend(FftTestEngines.Get(engine));
        var baseline = Run(backend, threads: 1, batch: 1);
        var (baseMean, baseStd) = StatisticsMoments.Of(baseline);
        var peak = Array.IndexOf(baseline.Mip, baseline.Mip.Max());
        Assert.Equal((SmallSearch.Planted.Y, SmallSearch.Planted.X), (peak / _search.Inputs.RegionWidth, peak % _search.Inputs.RegionWidth));
        Assert.Equal(SmallSearch.Planted.Orientation, _search.Inputs.Space.Decode(baseline.BestIndex[peak]).Orientation);

        foreach (var threads in new[] { 1, 2 })
        {
            foreach (var batch in new[] { 1, 7, 9, 16, 64 })
            {
                var run = Run(backend, threads, batch);
                Assert.Equal(_search.Inputs.Space.Total, run.Count);
                Assert.True(baseline.Mip.AsSpan().SequenceEqual(run.Mip), $"MIP differs with {threads} threads, batch {batch}");
                Assert.True(baseline.BestIndex.AsSpan().SequenceEqual(run.BestIndex), $"best index differs with {threads} threads, batch {batch}");
                var (mean, std) = StatisticsMoments.Of(run);
                var worst = Enumerable.Range(0, mean.Length)
                    .Max(i => Math.Max(Math.Abs(mean[i] - baseMean[i]), Math.Abs(std[i] - baseStd[i])) / baseStd[i]);
                _log.WriteLine($"{engine}, {threads} threads, batch {batch}: max mean/std difference {worst:E2} of std");
                Assert.True(worst <= 1e-6, $"mean/std differ by {worst} of std with {threads} threads, batch {batch}");
            }
        }

        var first = Run(backend, threads: 2, batch: 7);
        var second = Run(backend, threads: 2, batch: 7);
        Assert.True(first.Sum.AsSpan().SequenceEqual(second.Sum));
        Assert.True(first.SumOfSquares.AsSpan().SequenceEqual(second.SumOfSquares));
    }

    /// <summary>Two shards [0, k) and [k, M) merged give the single run's MIP and best index exactly and its mean and
    /// standard deviation within 1e-12 of the standard deviation.</summary>
    [Theory]
    [MemberData(nameof(Engines))]
    public void Merged_shards_equal_the_whole_search(string engine)
    {
        var backend = new CpuCorrelationBackend(FftTestEngines.Get(engine));
        var whole = Run(backend, threads: 1, batch: 16);
        var m = _search.Inputs.Space.OrientationCount;
        foreach (var k in new[] { 1, 20, m - 1 })
        {
            var merged = Run(backend, 1, 16, start: 0, count: k);
            merged.Merge(Run(backend, 2, 16, start: k, count: m - k));
            Assert.Equal(whole.Count, merged.Count);
            Assert.True(whole.Mip.AsSpan().SequenceEqual(merged.Mip), $"MIP differs for shards at {k}");
            Assert.True(whole.BestIndex.AsSpan().SequenceEqual(merged.BestIndex), $"best index differs for shards at {k}");
            var (mean, std) = StatisticsMoments.Of(merged);
            var (wholeMean, wholeStd) = StatisticsMoments.Of(whole);
            for (var i = 0; i < mean.Length; i++)
            {
                Assert.Equal(wholeMean[i], mean[i], 1e-12 * wholeStd[i]);
                Assert.Equal(wholeStd[i], std[i], 1e-12 * wholeStd[i]);
            }
        }
    }

    [Fact]
    public void Orientation_ranges_outside_the_search_are_rejected()
    {
        var backend = new CpuCorrelationBackend();
        var m = _search.Inputs.Space.OrientationCount;
        foreach (var (start, count) in new (int, int?)[] { (-1, 2), (0, 0), (m - 2, 3), (m, null) })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => backend.Run(
                _search.Inputs, new SearchRunOptions { OrientationStart = start, OrientationCount = count }, null, CancellationToken.None));
        }
    }

    private SearchStatistics Run(CpuCorrelationBackend backend, int threads, int batch, int start = 0, int? count = null) =>
        backend.Run(
            _search.Inputs,
            new SearchRunOptions { Threads = threads, OrientationBatchSize = batch, OrientationStart = start, OrientationCount = count },
            null,
            CancellationToken.None);

    /// <summary>45 orientations x 3 defocus planes, a 96 x 128 micrograph with one planted template in noise, 32³
    /// template, valid-cropped statistics region (65 x 97).</summary>
    public sealed class SmallSearch : IDisposable
    {
        public static readonly SyntheticSearch.Plant Planted = new(23, 41, 17, 2, 0.5);

        public SmallSearch()
        {
            var space = new SearchSpace(SyntheticSearch.RandomOrientations(45, 7), [-500f, 0f, 500f], [0f]);
            Inputs = SyntheticSearch.Build(SyntheticSearch.BlobVolume(32, 3), space, 96, 128, noise: 1, [Planted], validCrop: true, seed: 9);
        }

        public SearchInputs Inputs { get; }

        public void Dispose() => Inputs.Dispose();
    }
}
