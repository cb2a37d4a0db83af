using System.Diagnostics;
using LeopardEm.Search;

namespace LeopardEm.Bench;

/// <summary>
/// Leopard-EM's throughput protocol: time a search of n and of N orientations; the throughput is
/// <c>r = (N − n)·D / (T_N − T_n)</c> correlations per second and the fixed cost (setup, planning, merging) is
/// <c>k = T_n − n·D / r</c>, so start-up costs do not pollute the rate.
/// </summary>
internal static class ThroughputProtocol
{
    /// <summary>Runs the protocol on <paramref name="backend"/>; the peak memory and allocation are those of the
    /// long run.</summary>
    public static ThroughputResult Measure(ICorrelationBackend backend, SearchInputs inputs, BenchOptions options)
    {
        var perOrientation = inputs.Space.DefocusCount * inputs.Space.PixelSizeCount;
        // Untimed: JIT, FFTW planning (or wisdom), first touch of the buffers.
        Run(backend, inputs, options, options.ShortRun);
        var shortRun = Best(backend, inputs, options, options.ShortRun);
        PeakMemory.Reset();
        var longRun = Best(backend, inputs, options, options.LongRun);
        var peak = PeakMemory.Bytes();

        var correlations = (double)(options.LongRun - options.ShortRun) * perOrientation;
        var rate = correlations / (longRun.Seconds - shortRun.Seconds);
        var fixedCost = shortRun.Seconds - options.ShortRun * perOrientation / rate;
        var allocated = (double)(longRun.Allocated - shortRun.Allocated) / correlations;
        return new ThroughputResult(shortRun.Seconds, longRun.Seconds, rate, fixedCost, peak, allocated);
    }

    private static (double Seconds, long Allocated) Best(ICorrelationBackend backend, SearchInputs inputs, BenchOptions options, int orientations)
    {
        var best = (Seconds: double.MaxValue, Allocated: 0L);
        for (var i = 0; i < options.Repeats; i++)
        {
            var run = Run(backend, inputs, options, orientations);
            if (run.Seconds < best.Seconds)
            {
                best = run;
            }
        }

        return best;
    }

    private static (double Seconds, long Allocated) Run(ICorrelationBackend backend, SearchInputs inputs, BenchOptions options, int orientations)
    {
        // One orientation per batch, so every thread has work even in the short run.
        var run = new SearchRunOptions { Threads = options.Threads, OrientationBatchSize = 1, OrientationCount = orientations };
        // The previous run's maps are garbage; collecting them here keeps a collection out of the timed run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        backend.Run(inputs, run, null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}

/// <summary>Outcome of <see cref="ThroughputProtocol"/>.</summary>
/// <param name="ShortSeconds">T_n, seconds.</param>
/// <param name="LongSeconds">T_N, seconds.</param>
/// <param name="Rate">r, correlations per second (all threads together).</param>
/// <param name="FixedCost">k, seconds.</param>
/// <param name="PeakBytes">Peak resident memory during the long run, bytes.</param>
/// <param name="AllocatedPerCorrelation">Managed bytes allocated per extra correlation of the long run.</param>
internal sealed record ThroughputResult(
    double ShortSeconds, double LongSeconds, double Rate, double FixedCost, long PeakBytes, double AllocatedPerCorrelation);
