using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Bench;
using LeopardEm.Cuda.Fft;
using LeopardEm.Cuda.Search;
using LeopardEm.Fft;
using LeopardEm.Imaging;
using LeopardEm.Projection;

namespace LeopardEm.GpuCheck;

/// <summary>Correlations per second of the device search pipeline, and the FFT floor of the same shapes.</summary>
/// <param name="Micrograph">Micrograph edge, pixels.</param>
/// <param name="Template">Template edge, voxels.</param>
/// <param name="Planes">Defocus planes per orientation.</param>
/// <param name="Fft">The device FFT.</param>
/// <param name="OrientationsPerBatch">Orientations per batch the pipeline chose.</param>
/// <param name="TimedOrientations">Orientations of the timed run.</param>
/// <param name="TimedSeconds">Wall time of the timed run.</param>
/// <param name="CorrelationsPerSecond">Correlations (orientation x plane) per second.</param>
/// <param name="FloorSecondsPerCorrelation">One batched frame r2c + c2r, per correlation.</param>
/// <param name="TemplateFloorSecondsPerCorrelation">One batched N x N c2r, per correlation.</param>
/// <param name="SetupSeconds">Pipeline construction (uploads, allocation, plans) plus the first batch (kernel
/// compilation).</param>
internal sealed record ThroughputResult(
    int Micrograph, int Template, int Planes, string Fft, int OrientationsPerBatch, int TimedOrientations, double TimedSeconds,
    double CorrelationsPerSecond, double FloorSecondsPerCorrelation, double TemplateFloorSecondsPerCorrelation, double SetupSeconds)
{
    /// <summary>Seconds per correlation over the FFT floor's.</summary>
    public double RatioToFloor => 1 / CorrelationsPerSecond / FloorSecondsPerCorrelation;
}

/// <summary>Measures <see cref="ThroughputResult"/>.</summary>
internal static class Throughput
{
    /// <summary>Builds the synthetic search (host side), times the device pipeline on about
    /// <see cref="CheckOptions.Seconds"/> of orientations, then the FFT floor on the pipeline's batch shape.</summary>
    public static ThroughputResult Measure(Accelerator accelerator, CheckOptions options, Action<string> log)
    {
        var engine = FftEngines.Default;
        var clock = Stopwatch.StartNew();
        var template = SyntheticSearch.Template(options.Template, engine);
        const int orientations = 1 << 15;
        using var inputs = SyntheticSearch.Inputs(new FrameSize(options.Micrograph, options.Micrograph), template, orientations, options.Defocus, engine);
        log($"inputs prepared on the host ({engine.Name}) in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        int batch, maps, frameHeight, frameWidth, timed;
        double seconds;
        string fftName;
        double setup;
        using (var pipeline = new DeviceSearchPipeline(accelerator, inputs, hostFft: engine))
        {
            batch = pipeline.OrientationsPerBatch;
            maps = batch * options.Defocus;
            (frameHeight, frameWidth, fftName) = (pipeline.FrameHeight, pipeline.FrameWidth, pipeline.FftName);
            pipeline.Run(0, batch);
            setup = clock.Elapsed.TotalSeconds;
            log($"pipeline: {batch} orientations x {options.Defocus} planes per batch, frame {frameWidth} x {frameHeight}, {fftName}; "
                + $"set-up and first batch {setup:F1} s");
            clock.Restart();
            pipeline.Run(batch, batch);
            var perBatch = clock.Elapsed.TotalSeconds;
            timed = Math.Clamp(batch * (int)Math.Ceiling(options.Seconds / Math.Max(perBatch, 1e-6)), batch, orientations - 2 * batch);
            clock.Restart();
            pipeline.Run(2 * batch, timed);
            seconds = clock.Elapsed.TotalSeconds;
        }

        var rate = (double)timed * options.Defocus / seconds;
        log($"search: {timed} orientations x {options.Defocus} planes in {seconds:F2} s = {rate:F1} correlations/s ({1e3 / rate:F3} ms each)");
        var floor = FloorPerCorrelation(accelerator, engine, frameHeight, frameWidth, maps, options.Seconds, forwardToo: true);
        var templateFloor = FloorPerCorrelation(accelerator, engine, options.Template, options.Template, maps, options.Seconds / 4, forwardToo: false);
        log($"FFT floor: frame r2c + c2r {floor * 1e3:F3} ms, template c2r {templateFloor * 1e3:F4} ms per correlation; "
            + $"search = {1 / rate / floor:F2} x frame floor");
        return new ThroughputResult(
            options.Micrograph, options.Template, options.Defocus, fftName, batch, timed, seconds, rate, floor, templateFloor, setup);
    }

    // Seconds per image of batched transforms of `count` height x width images on the device's FFT: r2c + c2r, or the
    // c2r alone; repeated for about `seconds`.
    private static double FloorPerCorrelation(
        Accelerator accelerator, IFftEngine engine, int height, int width, int count, double seconds, bool forwardToo)
    {
        using var binding = accelerator.BindScoped();
        using var fft = DeviceFft.Create(accelerator, engine);
        using var real = accelerator.Allocate1D<float>((long)count * height * width);
        using var complex = accelerator.Allocate1D<ComplexF>((long)count * height * (width / 2 + 1));
        real.MemSetToZero();
        complex.MemSetToZero();
        fft.Prepare(height, width, count);
        void Once()
        {
            if (forwardToo)
            {
                fft.Forward(real.View, complex.View, height, width, count);
            }

            fft.Inverse(complex.View, real.View, height, width, count);
        }

        Once();
        accelerator.Synchronize();
        var clock = Stopwatch.StartNew();
        var repeats = 0;
        do
        {
            Once();
            accelerator.Synchronize();
            repeats++;
        }
        while (clock.Elapsed.TotalSeconds < seconds);

        return clock.Elapsed.TotalSeconds / repeats / count;
    }
}
