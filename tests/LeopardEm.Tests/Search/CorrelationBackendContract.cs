using LeopardEm.Orientations;
using LeopardEm.Search;
using LeopardEm.Tests.TestData;
using Xunit.Abstractions;

namespace LeopardEm.Tests.Search;

/// <summary>
/// What every full-search backend must do, tested the same way for each (ILGPU's pattern): a concrete class per
/// backend overrides <see cref="Create"/> and, when the backend may be missing, declares a public static
/// <c>Unavailable</c> property with the reason. References (naive double-precision searches) are computed once per
/// test run and shared by all backends.
/// </summary>
public abstract class CorrelationBackendContract(ITestOutputHelper log)
{
    // Correlation values are sums of N² products of order-1 numbers; float32 FFT rounding leaves them within ~1e-5
    // relative of the double-precision direct sum, so 1e-4 of max(|MIP|, std) is tight yet safe.
    private const double MipTolerance = 1e-4;

    private static readonly Lazy<NaiveCorrelation.Result> TinyReference = new(() => Reference(SearchCase.Tiny));
    private static readonly Lazy<NaiveCorrelation.Result> AwkwardReference = new(() => Reference(SearchCase.Awkward));

    /// <summary>The backend under test.</summary>
    protected abstract ICorrelationBackend Create();

    /// <summary>
    /// MIP within 1e-4 of max(|MIP|, std) per pixel; the best index equal wherever the naive search's best value beats
    /// every other search point by more than that tolerance twice over; mean and standard deviation within 1e-5 of the
    /// standard deviation. Every circular position; threads 2 and batch 3 over 8 orientations: the last batch is partial.
    /// </summary>
    [BackendFact]
    public void Statistics_match_a_naive_double_precision_search() =>
        CheckAgainstReference(SearchCase.Tiny, TinyReference.Value, new SearchRunOptions { Threads = 2, OrientationBatchSize = 3 }, 0.98);

    /// <summary>The same on an awkward micrograph whose valid region is correlated in a padded frame, with two
    /// pixel-size planes and three defocus planes (full and partial statistics groups). Pure noise and neighbouring
    /// planes that correlate alike leave about 10 % of its pixels without a clear winner, so 85 % must be compared.</summary>
    [BackendFact]
    public void Statistics_match_a_naive_search_in_a_padded_frame() =>
        CheckAgainstReference(SearchCase.Awkward, AwkwardReference.Value, new SearchRunOptions { Threads = 2, OrientationBatchSize = 1 }, 0.85);

    /// <summary>Keeping every circular position forbids padding (the wrap-around would change), so that run correlates in
    /// the original 47 x 62 frame; the valid run pads to 48 x 64. Their valid regions agree to rounding.</summary>
    [BackendFact]
    public void Padded_and_unpadded_runs_agree_in_the_valid_region()
    {
        var backend = Create();
        var options = new SearchRunOptions { Threads = 1 };
        var valid = SearchCase.Awkward;
        using var validInputs = valid.Build();
        using var fullInputs = (valid with { ValidCrop = false }).Build();
        Assert.NotEqual(validInputs.Frame, fullInputs.Frame);
        var padded = backend.Run(validInputs, options, null, CancellationToken.None);
        var unpadded = backend.Run(fullInputs, options, null, CancellationToken.None);
        for (var y = 0; y < valid.RegionHeight; y++)
        {
            for (var x = 0; x < valid.RegionWidth; x++)
            {
                var i = y * valid.RegionWidth + x;
                var j = y * valid.Width + x;
                Assert.Equal(unpadded.Mip[j], padded.Mip[i], MipTolerance * Math.Max(1, Math.Abs(unpadded.Mip[j])));
                Assert.Equal(unpadded.Sum[j], padded.Sum[i], MipTolerance * validInputs.Space.Total);
                Assert.Equal(unpadded.SumOfSquares[j], padded.SumOfSquares[i], 1e-5 * unpadded.SumOfSquares[j]);
            }
        }
    }

    /// <summary>A normalised template planted at (y0, x0) of an otherwise empty micrograph correlates best at (y0, x0),
    /// with value Σt² − (Σt)²/(H·W) = H·W; planted across the bottom-right border it is found at its wrapped corner
    /// (correlation is circular).</summary>
    [BackendFact]
    public void A_planted_template_peaks_at_its_top_left_corner()
    {
        foreach (var (y0, x0) in new[] { (11, 29), (40, 57) })
        {
            var planted = new SearchCase
            {
                Height = 48,
                Width = 64,
                TemplateSize = 16,
                Orientations = 1,
                Noise = 0,
                ValidCrop = false,
                Seed = 5,
                Plants = [new(y0, x0, 0, 0, 1.0)],
            };
            using var inputs = planted.Build();
            var statistics = Create().Run(inputs, new SearchRunOptions { Threads = 1 }, null, CancellationToken.None);
            var peak = Array.IndexOf(statistics.Mip, statistics.Mip.Max());
            double expected = planted.Height * planted.Width;
            Assert.Equal((y0, x0), (peak / planted.Width, peak % planted.Width));
            Assert.Equal(expected, statistics.Mip[peak], 1e-4 * expected);
            Assert.Equal(0, statistics.BestIndex[peak]);
        }
    }

    /// <summary>
    /// MIP and best index bit-identical for threads 1 and 2 and batch sizes 1, 7, 9, 16, 64 over 45 orientations
    /// (9 divides 45; 7 and 16 leave a partial last batch; 64 is one partial batch); mean and standard deviation within
    /// 1e-6 of the standard deviation; sums bit-identical when the same split runs twice. The plant is found.
    /// </summary>
    [BackendFact]
    public void Maps_do_not_depend_on_threads_or_batch_size()
    {
        var backend = Create();
        using var inputs = SearchCase.Planted.Build();
        SearchStatistics Run(int threads, int batch) =>
            backend.Run(inputs, new SearchRunOptions { Threads = threads, OrientationBatchSize = batch }, null, CancellationToken.None);
        var baseline = Run(1, 1);
        var (baseMean, baseStd) = StatisticsMoments.Of(baseline);
        var plant = SearchCase.Planted.Plants[0];
        var peak = Array.IndexOf(baseline.Mip, baseline.Mip.Max());
        Assert.Equal((plant.Y, plant.X), (peak / inputs.RegionWidth, peak % inputs.RegionWidth));
        Assert.Equal(inputs.Space.GlobalIndex(0, plant.DefocusPlane, plant.Orientation), baseline.BestIndex[peak]);

        foreach (var threads in new[] { 1, 2 })
        {
            foreach (var batch in new[] { 1, 7, 9, 16, 64 })
            {
                var run = Run(threads, batch);
                Assert.Equal(inputs.Space.Total, run.Count);
                Assert.True(baseline.Mip.AsSpan().SequenceEqual(run.Mip), $"MIP differs with {threads} threads, batch {batch}");
                Assert.True(baseline.BestIndex.AsSpan().SequenceEqual(run.BestIndex), $"best index differs with {threads} threads, batch {batch}");
                var (mean, std) = StatisticsMoments.Of(run);
                var worst = Enumerable.Range(0, mean.Length)
                    .Max(i => Math.Max(Math.Abs(mean[i] - baseMean[i]), Math.Abs(std[i] - baseStd[i])) / baseStd[i]);
                Assert.True(worst <= 1e-6, $"mean/std differ by {worst} of std with {threads} threads, batch {batch}");
            }
        }

        var first = Run(2, 7);
        var second = Run(2, 7);
        Assert.True(first.Sum.AsSpan().SequenceEqual(second.Sum));
        Assert.True(first.SumOfSquares.AsSpan().SequenceEqual(second.SumOfSquares));
    }

    /// <summary>N balanced contiguous shards of the global search index (N = 1, 2, 3, 7, each run with its own thread
    /// count) merged in any order give the single run's MIP and best index bit for bit and its mean and standard
    /// deviation within 1e-12 of the standard deviation.</summary>
    [BackendFact]
    public void Shards_merge_into_the_whole_search()
    {
        var backend = Create();
        using var inputs = SearchCase.Planted.Build();
        var whole = backend.Run(inputs, new SearchRunOptions { Threads = 1 }, null, CancellationToken.None);
        var (wholeMean, wholeStd) = StatisticsMoments.Of(whole);
        foreach (var n in new[] { 1, 2, 3, 7 })
        {
            var shards = Enumerable.Range(0, n)
                .Select(k => backend.Run(
                    inputs, new SearchRunOptions { Threads = 1 + k % 2, Range = SearchRange.Shard(k, n, inputs.Space.Total) }, null, CancellationToken.None))
                .ToList();
            Assert.Equal(inputs.Space.Total, shards.Sum(s => s.Count));
            var merged = shards[^1];
            foreach (var shard in shards.Take(n - 1))
            {
                merged.Merge(shard);
            }

            Assert.True(whole.Mip.AsSpan().SequenceEqual(merged.Mip), $"MIP differs for {n} shards");
            Assert.True(whole.BestIndex.AsSpan().SequenceEqual(merged.BestIndex), $"best index differs for {n} shards");
            var (mean, std) = StatisticsMoments.Of(merged);
            for (var i = 0; i < mean.Length; i++)
            {
                Assert.Equal(wholeMean[i], mean[i], 1e-12 * wholeStd[i]);
                Assert.Equal(wholeStd[i], std[i], 1e-12 * wholeStd[i]);
            }
        }
    }

    /// <summary>With every orientation listed twice, each pair correlates identically, so every pixel's maximum is tied:
    /// the best index must be the lower of the pair, whichever thread or batch met it first.</summary>
    [BackendFact]
    public void Ties_go_to_the_lowest_global_index()
    {
        var angles = SearchCase.RandomOrientations(3, 4);
        var space = new SearchSpace([.. angles, .. angles], [-400f, 0f], [0f]);
        using var template = SearchCase.Tiny.Build();
        using var inputs = new SearchInputs(
            template.ImageHeight, template.ImageWidth, Copy(template), template.Template,
            [template.ProjectiveFilter(0, 0), template.ProjectiveFilter(0, 1)], space, template.RegionHeight, template.RegionWidth,
            LeopardEm.Fft.FftEngines.Managed);
        var statistics = Create().Run(inputs, new SearchRunOptions { Threads = 2, OrientationBatchSize = 1 }, null, CancellationToken.None);
        for (var i = 0; i < statistics.BestIndex.Length; i++)
        {
            var (_, _, orientation) = space.Decode(statistics.BestIndex[i]);
            Assert.True(orientation < angles.Length, $"pixel {i}: the tie went to orientation {orientation}, a duplicate");
        }
    }

    /// <summary>Ranges that are empty or leave the search space are refused before any work.</summary>
    [BackendFact]
    public void Ranges_outside_the_search_are_rejected()
    {
        var backend = Create();
        using var inputs = SearchCase.Tiny.Build();
        var total = inputs.Space.Total;
        foreach (var range in new SearchRange[] { new(-1, 2), new(0, 0), new(total - 2, 3), new(total, 1) })
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => backend.Run(inputs, new SearchRunOptions { Range = range }, null, CancellationToken.None));
        }
    }

    /// <summary>A cancelled run stops between batches with <see cref="OperationCanceledException"/>, after reporting
    /// progress no more than once per batch in flight.</summary>
    [BackendFact]
    public void Cancellation_stops_the_run()
    {
        using var inputs = SearchCase.Planted.Build();
        using var cancellation = new CancellationTokenSource();
        var reports = 0;
        var progress = new SynchronousProgress(_ =>
        {
            Interlocked.Increment(ref reports);
            cancellation.Cancel();
        });
        Assert.ThrowsAny<OperationCanceledException>(() => Create().Run(
            inputs, new SearchRunOptions { Threads = 2, OrientationBatchSize = 1 }, progress, cancellation.Token));
        Assert.InRange(reports, 1, 2);
    }

    private void CheckAgainstReference(SearchCase search, NaiveCorrelation.Result reference, SearchRunOptions options, double comparedFraction)
    {
        using var inputs = search.Build();
        var statistics = Create().Run(inputs, options, null, CancellationToken.None);
        Assert.Equal(inputs.Space.Total, statistics.Count);
        var (mean, std) = StatisticsMoments.Of(statistics);
        int compared = 0, pixels = statistics.Mip.Length;
        double worstMip = 0, worstMean = 0, worstStd = 0;
        for (var i = 0; i < pixels; i++)
        {
            var scale = Math.Max(Math.Abs(reference.Mip[i]), reference.StandardDeviation[i]);
            worstMip = Math.Max(worstMip, Math.Abs(statistics.Mip[i] - reference.Mip[i]) / scale);
            worstMean = Math.Max(worstMean, Math.Abs(mean[i] - reference.Mean[i]) / reference.StandardDeviation[i]);
            worstStd = Math.Max(worstStd, Math.Abs(std[i] - reference.StandardDeviation[i]) / reference.StandardDeviation[i]);
            if (reference.Mip[i] - reference.RunnerUp[i] > 2 * MipTolerance * scale)
            {
                compared++;
                Assert.True(reference.BestIndex[i] == statistics.BestIndex[i],
                    $"pixel {i}: best index {statistics.BestIndex[i]}, naive search {reference.BestIndex[i]}");
            }
        }

        log.WriteLine($"max relative error MIP {worstMip:E2}, mean {worstMean:E2}, std {worstStd:E2}; best index compared at {compared} of {pixels} pixels");
        Assert.True(worstMip <= MipTolerance, $"MIP error {worstMip}");
        Assert.True(worstMean <= 1e-5, $"mean error {worstMean}");
        Assert.True(worstStd <= 1e-5, $"std error {worstStd}");
        Assert.True(compared >= comparedFraction * pixels, $"only {compared} of {pixels} pixels have an unambiguous best index");
    }

    private static NaiveCorrelation.Result Reference(SearchCase search)
    {
        using var inputs = search.Build();
        return NaiveCorrelation.Search(inputs);
    }

    // A copy of the micrograph spectrum of unpadded `inputs` (frame = micrograph), for building other inputs on it.
    private static LeopardEm.Imaging.AlignedBuffer<LeopardEm.Imaging.ComplexF> Copy(SearchInputs inputs)
    {
        var copy = new LeopardEm.Imaging.AlignedBuffer<LeopardEm.Imaging.ComplexF>(inputs.FrameSpectrum.Length);
        inputs.FrameSpectrum.Span.CopyTo(copy.Span);
        return copy;
    }
}
