using System.Diagnostics;
using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Bench;

/// <summary>
/// The FFT floor of one correlation: one pruned zero-padded r2c of the template frame plus one full c2r, on the same
/// engine, with <c>T</c> threads each transforming its own buffers at once (so memory bandwidth is shared as in the
/// search). Each half counts as the fastest way the engine has to do it: the r2c as the faster of <see
/// cref="IFftEngine.ForwardPadded2D"/> and the full <see cref="IFftEngine.Forward2D"/> (a prime-factor size can make
/// the pruned column pass the slower), the c2r as the faster of the scaled <see cref="IFftEngine.Inverse2D"/> and the
/// unscaled column-then-row composition, so the floor is never inflated. Seconds per transform are wall time /
/// (threads · iterations).
/// </summary>
internal static class FftFloor
{
    /// <summary>Measures the floor for an <paramref name="size"/> frame and a <paramref name="template"/>² block.</summary>
    public static FloorResult Measure(IFftEngine fft, FrameSize size, int template, int threads, int iterations)
    {
        int h = size.Height, w = size.Width, c = w / 2 + 1;
        var buffers = Enumerable.Range(0, threads).Select(t =>
        {
            var block = new AlignedBuffer<float>((long)template * template);
            var random = new Random(t);
            foreach (ref var v in block.Span)
            {
                v = (float)random.NextDouble();
            }

            return (Block: block, Spectrum: new AlignedBuffer<ComplexF>((long)h * c), Real: new AlignedBuffer<float>((long)h * w));
        }).ToArray();
        try
        {
            var pruned = Time(threads, iterations, t => fft.ForwardPadded2D(buffers[t].Block.Span, template, template, buffers[t].Spectrum.Span, h, w));
            var full = Time(threads, iterations, t => fft.Forward2D(buffers[t].Real.Span, buffers[t].Spectrum.Span, h, w));
            var inverse = Time(threads, iterations, t => fft.Inverse2D(buffers[t].Spectrum.Span, buffers[t].Real.Span, h, w));
            var separable = Time(threads, iterations, t =>
            {
                fft.TransformColumns(buffers[t].Spectrum.Span, h, c, TransformDirection.Inverse);
                fft.InverseRows(buffers[t].Spectrum.Span, buffers[t].Real.Span, w, h);
            });
            return new FloorResult(
                Math.Min(pruned.Wall, full.Wall),
                Math.Min(inverse.Wall, separable.Wall),
                Math.Min(pruned.Cpu, full.Cpu) + Math.Min(inverse.Cpu, separable.Cpu));
        }
        finally
        {
            foreach (var (block, spectrum, real) in buffers)
            {
                block.Dispose();
                spectrum.Dispose();
                real.Dispose();
            }
        }
    }

    // Every thread runs one untimed warm-up (planning, first touch), waits for the others, then the timed loop.
    // Wall and process CPU seconds per transform.
    private static (double Wall, double Cpu) Time(int threads, int iterations, Action<int> transform)
    {
        using var start = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            transform(t);
            start.SignalAndWait();
            start.SignalAndWait();
            for (var i = 0; i < iterations; i++)
            {
                transform(t);
            }
        })).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        start.SignalAndWait();
        var cpu = ProcessCpu.Seconds();
        var clock = Stopwatch.StartNew();
        start.SignalAndWait();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        var transforms = threads * iterations;
        return (clock.Elapsed.TotalSeconds / transforms, (ProcessCpu.Seconds() - cpu) / transforms);
    }
}

/// <summary>Seconds per transform (all threads together) of the floor's two halves.</summary>
/// <param name="Forward">Pruned padded r2c, wall seconds.</param>
/// <param name="Inverse">Full c2r, wall seconds.</param>
/// <param name="CpuSeconds">Both, in process CPU seconds.</param>
internal sealed record FloorResult(double Forward, double Inverse, double CpuSeconds)
{
    /// <summary>Seconds per correlation at the floor.</summary>
    public double Total => Forward + Inverse;
}
