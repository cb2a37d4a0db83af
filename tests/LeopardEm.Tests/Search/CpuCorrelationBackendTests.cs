using LeopardEm.Fft;
using LeopardEm.Search;
using LeopardEm.Tests.Fft;

namespace LeopardEm.Tests.Search;

/// <summary>
/// The fused, padded CPU correlation against a direct real-space reference and against an unpadded run, and its
/// determinism across threads and batch sizes, on both FFT engines.
/// </summary>
public class CpuCorrelationBackendTests
{
    // Correlation values are sums of 256 products of order-1 numbers (|c| up to ~50); float32 FFT rounding leaves
    // them within ~1e-5 of the double-precision direct sum, so 1e-4 absolute is tight yet safe.
    private const double Tolerance = 1e-4;

    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void Statistics_match_direct_correlation_in_the_valid_region(string engineName)
    {
        // 2 pixel sizes x 3 defocus = 6 planes: two full groups; 4 orientations.
        var search = new SmallSearch(orientations: 4, defocusPlanes: 3, pixelSizePlanes: 2);
        using var inputs = search.Inputs(validOnly: true);
        var statistics = new CpuCorrelationBackend(FftTestEngines.Get(engineName))
            .Run(inputs, new SearchRunOptions { Threads = 2, OrientationBatchSize = 1 }, null, CancellationToken.None);
        var direct = search.DirectCorrelations();

        Assert.Equal(search.Space.Total, statistics.Count);
        for (var i = 0; i < statistics.Mip.Length; i++)
        {
            var values = direct.Select(map => map[i]).ToArray();
            var max = values.Max();
            Assert.Equal(max, statistics.Mip[i], Tolerance);
            // The reported best index holds the maximum (to rounding) even where near-ties could pick another.
            Assert.Equal(max, values[statistics.BestIndex[i]], Tolerance);
            Assert.Equal(values.Sum(), statistics.Sum[i], Tolerance * values.Length);
            // Each square carries ~2|c|·1e-5 of rounding: relative 1e-5 of the sum of squares bounds it.
            var squares = values.Sum(v => v * v);
            Assert.Equal(squares, statistics.SumOfSquares[i], 1e-5 * squares);
        }
    }

    [Theory]
    [MemberData(nameof(FftTestEngines.Available), MemberType = typeof(FftTestEngines))]
    public void Padded_run_matches_an_unpadded_run_in_the_valid_region(string engineName)
    {
        // Keeping every circular position forbids padding (the wrap-around would change), so that run correlates in
        // the original 47 x 62 frame; the valid run pads to 48 x 64. Their valid regions must agree to rounding.
        var search = new SmallSearch(orientations: 3, defocusPlanes: 2, pixelSizePlanes: 1);
        var backend = new CpuCorrelationBackend(FftTestEngines.Get(engineName));
        var options = new SearchRunOptions { Threads = 1 };
        using var validInputs = search.Inputs(validOnly: true);
        using var fullInputs = search.Inputs(validOnly: false);
        var padded = backend.Run(validInputs, options, null, CancellationToken.None);
        var unpadded = backend.Run(fullInputs, options, null, CancellationToken.None);

        for (var y = 0; y < SmallSearch.ValidHeight; y++)
        {
            for (var x = 0; x < SmallSearch.ValidWidth; x++)
            {
                var i = y * SmallSearch.ValidWidth + x;
                var j = y * SmallSearch.Width + x;
                Assert.Equal(unpadded.Mip[j], padded.Mip[i], Tolerance);
                Assert.Equal(unpadded.Sum[j], padded.Sum[i], Tolerance * search.Space.Total);
                Assert.Equal(unpadded.SumOfSquares[j], padded.SumOfSquares[i], 1e-5 * unpadded.SumOfSquares[j]);
            }
        }
    }

    [Fact]
    public void Maps_are_identical_for_every_thread_count_and_batch_size()
    {
        // 4 defocus planes: groups of 3 and 1. Orientation batches of 1, 2 and 5 over 7 orientations.
        var search = new SmallSearch(orientations: 7, defocusPlanes: 4, pixelSizePlanes: 1);
        var backend = new CpuCorrelationBackend(FftEngines.Default);
        SearchStatistics Run(int threads, int batch)
        {
            using var inputs = search.Inputs(validOnly: true);
            return backend.Run(inputs, new SearchRunOptions { Threads = threads, OrientationBatchSize = batch }, null, CancellationToken.None);
        }

        var reference = Run(1, 16);
        foreach (var (threads, batch) in new[] { (2, 1), (3, 2), (2, 5) })
        {
            var other = Run(threads, batch);
            Assert.Equal(reference.Mip, other.Mip);
            Assert.Equal(reference.BestIndex, other.BestIndex);
            for (var i = 0; i < reference.Sum.Length; i++)
            {
                // Sums merge per worker in double: equal to ~1e-12 relative, not bit for bit.
                Assert.Equal(reference.Sum[i], other.Sum[i], 1e-9);
                Assert.Equal(reference.SumOfSquares[i], other.SumOfSquares[i], 1e-9 * Math.Max(1, reference.SumOfSquares[i]));
            }
        }
    }
}
