using System.Diagnostics;
using LeopardEm.Bench;
using LeopardEm.Cuda.Devices;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Search;

namespace LeopardEm.GpuCheck;

/// <summary>Correlations per second of the device search backend, and the FFT floor of the same shapes.</summary>
/// <param name="Micrograph">Micrograph edge, pixels.</param>
/// <param name="Template">Template edge, voxels.</param>
/// <param name="Planes">Defocus planes per orientation.</param>
/// <param name="Fft">The device FFT.</param>
/// <param name="OrientationsPerBatch">Orientations per batch asked for (fewer when memory is short).</param>
/// <param name="ShortOrientations">Orientations of the short timed run, n.</param>
/// <param name="LongOrientations">Orientations of the long timed run, N.</param>
/// <param name="ShortSeconds">Wall time of the short run, T_n (set-up included).</param>
/// <param name="LongSeconds">Wall time of the long run, T_N.</param>
/// <param name="CorrelationsPerSecond">Correlations (orientation x plane) per second, (N − n)·D / (T_N − T_n).</param>
/// <param name="FloorSecondsPerCorrelation">One batched frame r2c + c2r, per correlation.</param>
/// <param name="TemplateFloorSecondsPerCorrelation">One batched N x N c2r, per correlation.</param>
/// <param name="SetupSeconds">The first run (kernel compilation, uploads, allocation, plans).</param>
internal sealed record ThroughputResult(
    int Micrograph, int Template, int Planes, string Fft, int OrientationsPerBatch, int ShortOrientations, int LongOrientations,
    double ShortSeconds, double LongSeconds, double CorrelationsPerSecond, double FloorSecondsPerCorrelation,
    double TemplateFloorSecondsPerCorrelation, double SetupSeconds)
{
    /// <summary>Seconds per correlation over the FFT floor's.</summary>
    public double RatioToFloor => 1 / CorrelationsPerSecond / FloorSecondsPerCorrelation;

    /// <summary>Fixed cost of a run (set-up, uploads, read-back), seconds: T_n − n·D/r.</summary>
    public double FixedCostSeconds => ShortSeconds - ShortOrientations * Planes / CorrelationsPerSecond;
}

/// <summary>Measures <see cref="ThroughputResult"/> with the benchmark's protocol (docs/benchmarks.md): searches of n
/// and N orientations, so set-up costs drop out of the rate.</summary>
internal static class Throughput
{
    /// <summary>Builds the synthetic search (host side), times the device backend on one batch and on about
    /// <see cref="CheckOptions.Seconds"/> of orientations, then the FFT floor on the batch's shape.</summary>
    public static ThroughputResult Measure(DeviceSession session, CheckOptions options, Action<string> log)
    {
        var engine = FftEngines.Default;
        var clock = Stopwatch.StartNew();
        var template = SyntheticSearch.Template(options.Template, engine);
        const int orientations = 1 << 15;
        using var inputs = SyntheticSearch.Inputs(new FrameSize(options.Micrograph, options.Micrograph), template, orientations, options.Defocus, engine);
        log($"inputs prepared on the host ({engine.Name}) in {clock.Elapsed.TotalSeconds:F1} s; frame {inputs.Frame.Width} x {inputs.Frame.Height}");

        var backend = new DeviceCorrelationBackend(new DeviceGroup([session]), engine);
        var batch = options.Batch;
        double Time(int count)
        {
            using var view = inputs.ForFirstOrientations(count);
            var timer = Stopwatch.StartNew();
            backend.Run(view, new SearchRunOptions { OrientationBatchSize = batch }, null, CancellationToken.None);
            return timer.Elapsed.TotalSeconds;
        }

        var setup = Time(batch);
        var shortSeconds = Time(batch);
        var longRun = Math.Clamp(batch * (1 + (int)Math.Ceiling(options.Seconds / Math.Max(shortSeconds, 1e-6))), 2 * batch, orientations);
        var longSeconds = Time(longRun);
        var rate = (double)(longRun - batch) * options.Defocus / (longSeconds - shortSeconds);
        var fftName = DeviceFftFloor.Name(session.Accelerator, engine);
        log($"search: n = {batch}, N = {longRun} orientations x {options.Defocus} planes in {shortSeconds:F2} s and {longSeconds:F2} s "
            + $"= {rate:F1} correlations/s ({1e3 / rate:F3} ms each), {fftName}; first run {setup:F1} s");
        var maps = batch * options.Defocus;
        var (forward, inverse) = DeviceFftFloor.Measure(session.Accelerator, engine, inputs.Frame.Height, inputs.Frame.Width, maps, options.Seconds);
        var floor = forward + inverse;
        var templateFloor = DeviceFftFloor.Measure(
            session.Accelerator, engine, options.Template, options.Template, maps, options.Seconds / 4, forwardToo: false).Inverse;
        log($"FFT floor: frame r2c + c2r {floor * 1e3:F3} ms, template c2r {templateFloor * 1e3:F4} ms per correlation; "
            + $"search = {1 / rate / floor:F2} x frame floor");
        return new ThroughputResult(
            options.Micrograph, options.Template, options.Defocus, fftName, batch, batch, longRun, shortSeconds, longSeconds, rate, floor,
            templateFloor, setup);
    }
}
