using System.Diagnostics;
using LeopardEm.Search;

namespace LeopardEm.Bench;

/// <summary>
/// Leopard-EM's throughput protocol: time a search of n and of N orientations; the throughput is
/// <c>r = (N − n)·D / (T_N − T_n)</c> correlations per second and the fixed cost (setup, planning, merging) is
/// <c>k = T_n − n·D / r</c>, so start-up costs do not pollute the rate. Each of T_n and T_N is the fastest of the
/// samples taken, which discounts interference from other processes on a shared machine.
/// </summary>
internal static class ThroughputProtocol
{
    /// <summary>One untimed short run: JIT, FFTW planning (or wisdom), first touch of the buffers.</summary>
    public static void WarmUp(ICorrelationBackend backend, SearchInputs inputs, BenchOptions options) =>
        Run(backend, inputs, options, options.ShortRun);

    /// <summary>One timed short run and one timed long run.</summary>
    public static ThroughputSample Sample(ICorrelationBackend backend, SearchInputs inputs, BenchOptions options)
    {
        var (shortSeconds, shortCpu, shortAllocated) = Run(backend, inputs, options, options.ShortRun);
        PeakMemory.Reset();
        var (longSeconds, longCpu, longAllocated) = Run(backend, inputs, options, options.LongRun);
        return new ThroughputSample(shortSeconds, longSeconds, shortCpu, longCpu, PeakMemory.Bytes(), longAllocated - shortAllocated);
    }

    /// <summary>The protocol's rate and fixed cost from the fastest samples.</summary>
    public static ThroughputResult Combine(IReadOnlyList<ThroughputSample> samples, BenchOptions options, int planesPerOrientation)
    {
        var shortRun = samples.Min(s => s.ShortSeconds);
        var longRun = samples.Min(s => s.LongSeconds);
        var correlations = (double)(options.LongRun - options.ShortRun) * planesPerOrientation;
        var rate = correlations / (longRun - shortRun);
        var fixedCost = shortRun - options.ShortRun * planesPerOrientation / rate;
        var cpuPerCorrelation = (samples.Min(s => s.LongCpuSeconds) - samples.Min(s => s.ShortCpuSeconds)) / correlations;
        return new ThroughputResult(
            shortRun, longRun, rate, fixedCost, cpuPerCorrelation, samples.Max(s => s.PeakBytes),
            Math.Max(0, samples.Min(s => s.ExtraAllocatedBytes)) / correlations);
    }

    private static (double Seconds, double CpuSeconds, long Allocated) Run(ICorrelationBackend backend, SearchInputs inputs, BenchOptions options, int orientations)
    {
        var run = new SearchRunOptions { Threads = options.Threads, OrientationBatchSize = options.EffectiveBatchSize };
        using var view = inputs.ForFirstOrientations(orientations);
        // The previous run's maps are garbage; collecting them here keeps a collection out of the timed run.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessCpu.Seconds();
        var clock = Stopwatch.StartNew();
        backend.Run(view, run, null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, ProcessCpu.Seconds() - cpu, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }
}

/// <summary>One sample of the protocol.</summary>
/// <param name="ShortSeconds">T_n, seconds.</param>
/// <param name="LongSeconds">T_N, seconds.</param>
/// <param name="ShortCpuSeconds">Process CPU time of the short run, seconds.</param>
/// <param name="LongCpuSeconds">Process CPU time of the long run, seconds.</param>
/// <param name="PeakBytes">Peak resident memory during the long run, bytes.</param>
/// <param name="ExtraAllocatedBytes">Managed bytes the long run allocated beyond the short run.</param>
internal sealed record ThroughputSample(
    double ShortSeconds, double LongSeconds, double ShortCpuSeconds, double LongCpuSeconds, long PeakBytes, long ExtraAllocatedBytes);

/// <summary>Outcome of <see cref="ThroughputProtocol"/>.</summary>
/// <param name="ShortSeconds">T_n, seconds.</param>
/// <param name="LongSeconds">T_N, seconds.</param>
/// <param name="Rate">r, correlations per second (all threads together).</param>
/// <param name="FixedCost">k, seconds.</param>
/// <param name="CpuSecondsPerCorrelation">The same difference in process CPU time: CPU seconds per correlation, which
/// other processes on the machine disturb far less than wall time.</param>
/// <param name="PeakBytes">Peak resident memory during the long runs, bytes.</param>
/// <param name="AllocatedPerCorrelation">Managed bytes allocated per extra correlation of the long run: the hot loop's
/// allocation plus the thread pool's own, which varies from run to run in either direction; the least over the
/// samples, and 0 when that is negative (CpuCorrelationWorkerTests prove the hot loop itself allocates nothing).</param>
internal sealed record ThroughputResult(
    double ShortSeconds, double LongSeconds, double Rate, double FixedCost, double CpuSecondsPerCorrelation, long PeakBytes,
    double AllocatedPerCorrelation);
