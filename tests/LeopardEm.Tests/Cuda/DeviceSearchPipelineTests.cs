using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Tests.Search;

namespace LeopardEm.Tests.Cuda;

/// <summary>
/// The device search pipeline on ILGPU's CPU accelerator, on the awkward sizes of <see cref="SmallSearch"/> (47 x 62,
/// padded to 48 x 64 when only the valid region is kept) with two pixel-size planes, so the global index of every
/// plane is exercised: against the direct real-space reference and the CPU backend, and its independence of batch
/// size and of how a search is split into runs.
/// </summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class DeviceSearchPipelineTests(CpuAccelerator cpu)
{
    // As in the CPU backend's tests: correlations are sums of 256 products of order-1 numbers, float32 FFT rounding
    // leaves them within ~1e-5 of the double-precision direct sum.
    private const double Tolerance = 1e-4;

    [Fact]
    public void Statistics_match_direct_correlation_in_the_padded_valid_region()
    {
        var search = new SmallSearch(orientations: 3, defocusPlanes: 2, pixelSizePlanes: 2);
        using var inputs = search.Inputs(validOnly: true);
        using var pipeline = new DeviceSearchPipeline(cpu.Session.Accelerator, inputs, hostFft: FftEngines.Default);
        var result = pipeline.Run(0, search.Space.OrientationCount);
        var direct = search.DirectCorrelations();

        Assert.Equal((48, 64), (pipeline.FrameHeight, pipeline.FrameWidth));
        Assert.Equal(search.Space.Total, result.Count);
        for (var i = 0; i < result.Mip.Length; i++)
        {
            var values = direct.Select(map => map[i]).ToArray();
            Assert.Equal(values.Max(), result.Mip[i], Tolerance);
            // The reported index holds the maximum (to rounding), whichever of near-equal maxima it picked.
            Assert.Equal(values.Max(), values[result.BestIndex[i]], Tolerance);
            Assert.Equal(values.Sum(), result.Sum[i], Tolerance * values.Length);
            var squares = values.Sum(v => v * v);
            Assert.Equal(squares, result.SumOfSquares[i], 1e-5 * squares);
        }
    }

    [Fact]
    public void Every_circular_position_matches_the_cpu_backend_without_padding()
    {
        var search = new SmallSearch(orientations: 3, defocusPlanes: 2, pixelSizePlanes: 1);
        using var inputs = search.Inputs(validOnly: false);
        var reference = new CpuCorrelationBackend(FftEngines.Default).Run(inputs, new SearchRunOptions { Threads = 1 }, null, CancellationToken.None);
        using var pipeline = new DeviceSearchPipeline(cpu.Session.Accelerator, inputs, hostFft: FftEngines.Default);
        var result = pipeline.Run(0, search.Space.OrientationCount);

        Assert.Equal((SmallSearch.Height, SmallSearch.Width), (pipeline.FrameHeight, pipeline.FrameWidth));
        var (mean, std) = StatisticsMoments.Of(reference);
        for (var i = 0; i < reference.Mip.Length; i++)
        {
            var scale = Math.Max(Math.Abs(reference.Mip[i]), std[i]);
            Assert.Equal(reference.Mip[i], result.Mip[i], 1e-5 * scale);
            Assert.Equal(mean[i], result.Sum[i] / result.Count, 1e-5 * std[i]);
            var deviceVariance = result.SumOfSquares[i] / result.Count - Math.Pow(result.Sum[i] / result.Count, 2);
            Assert.Equal(std[i], Math.Sqrt(Math.Max(deviceVariance, 0)), 1e-5 * std[i]);
        }
    }

    [Fact]
    public void Results_do_not_depend_on_the_batch_size()
    {
        // 7 orientations x 2 planes in batches of 1, 3 (last one partial) and all 7.
        var search = new SmallSearch(orientations: 7, defocusPlanes: 2, pixelSizePlanes: 1);
        DeviceSearchResult Run(int correlationsPerBatch, out int orientationsPerBatch)
        {
            using var inputs = search.Inputs(validOnly: true);
            using var pipeline = new DeviceSearchPipeline(
                cpu.Session.Accelerator, inputs, new DevicePipelineOptions { MaxCorrelationsPerBatch = correlationsPerBatch }, FftEngines.Default);
            orientationsPerBatch = pipeline.OrientationsPerBatch;
            return pipeline.Run(0, search.Space.OrientationCount);
        }

        var reference = Run(64, out var all);
        Assert.Equal(7, all);
        foreach (var (correlations, orientations) in new[] { (2, 1), (6, 3) })
        {
            var other = Run(correlations, out var batch);
            Assert.Equal(orientations, batch);
            Assert.Equal(reference.Mip, other.Mip);
            Assert.Equal(reference.BestIndex, other.BestIndex);
            // Each pixel adds its maps in the same order whatever the batching, so even the sums agree exactly.
            Assert.Equal(reference.Sum, other.Sum);
            Assert.Equal(reference.SumOfSquares, other.SumOfSquares);
        }
    }

    [Fact]
    public void Runs_over_parts_of_the_orientations_merge_into_the_whole_run()
    {
        var search = new SmallSearch(orientations: 5, defocusPlanes: 2, pixelSizePlanes: 1);
        using var inputs = search.Inputs(validOnly: true);
        using var pipeline = new DeviceSearchPipeline(cpu.Session.Accelerator, inputs, hostFft: FftEngines.Default);
        var whole = pipeline.Run(0, 5);
        var first = pipeline.Run(0, 2);
        var second = pipeline.Run(2, 3);

        Assert.Equal(whole.Count, first.Count + second.Count);
        for (var i = 0; i < whole.Mip.Length; i++)
        {
            // The tie rule of SearchStatistics.Merge: larger value, or equal value at a lower index.
            var secondWins = second.Mip[i] > first.Mip[i] || (second.Mip[i] == first.Mip[i] && second.BestIndex[i] < first.BestIndex[i]);
            Assert.Equal(whole.Mip[i], secondWins ? second.Mip[i] : first.Mip[i]);
            Assert.Equal(whole.BestIndex[i], secondWins ? second.BestIndex[i] : first.BestIndex[i]);
            Assert.Equal(whole.Sum[i], first.Sum[i] + second.Sum[i], 1e-12 * Math.Max(1, Math.Abs(whole.Sum[i])));
            Assert.Equal(whole.SumOfSquares[i], first.SumOfSquares[i] + second.SumOfSquares[i], 1e-12 * whole.SumOfSquares[i]);
        }
    }

    [Fact]
    public void Reports_progress_per_batch_and_stops_when_cancelled()
    {
        var search = new SmallSearch(orientations: 5, defocusPlanes: 2, pixelSizePlanes: 1);
        using var inputs = search.Inputs(validOnly: true);
        using var pipeline = new DeviceSearchPipeline(
            cpu.Session.Accelerator, inputs, new DevicePipelineOptions { MaxCorrelationsPerBatch = 4 }, FftEngines.Default);
        var reports = new List<SearchProgress>();
        pipeline.Run(0, 5, new SynchronousProgress<SearchProgress>(reports.Add));

        Assert.Equal([4L, 8L, 10L], reports.Select(r => r.CorrelationsDone));
        Assert.All(reports, r => Assert.Equal(10, r.CorrelationsTotal));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => pipeline.Run(0, 5, null, cancelled.Token));
        Assert.Throws<ArgumentOutOfRangeException>(() => pipeline.Run(3, 3));
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
