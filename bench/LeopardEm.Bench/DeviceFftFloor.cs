using System.Diagnostics;
using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Fft;
using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Bench;

/// <summary>
/// The FFT floor of one correlation on a device: one r2c plus one c2r of a <c>height x width</c> frame, as the device
/// pipeline runs them (batched, in whole groups of <see cref="IDeviceFft.Granularity"/>), on the same device FFT
/// (cuFFT on CUDA) in the same process as the search it is compared with. Seconds per image are wall time over
/// repeated batches, synchronised after each.
/// </summary>
internal static class DeviceFftFloor
{
    /// <summary>The device FFT's name, e.g. "cuFFT 12.0.0".</summary>
    public static string Name(Accelerator accelerator, IFftEngine hostFft)
    {
        using var fft = DeviceFft.Create(accelerator, hostFft);
        return fft.Name;
    }

    /// <summary>Measures the floor for batches of about <paramref name="count"/> frames, repeated for about
    /// <paramref name="seconds"/> (at least twice).</summary>
    /// <param name="accelerator">The device.</param>
    /// <param name="hostFft">The engine ILGPU's CPU accelerator transforms with.</param>
    /// <param name="height">Frame rows.</param>
    /// <param name="width">Frame columns (even).</param>
    /// <param name="count">Images per batch (rounded up to whole groups).</param>
    /// <param name="seconds">Time to spend, about.</param>
    /// <param name="forwardToo">False to time the c2r alone (the template's N x N inverse, for instance).</param>
    /// <returns>Wall seconds per image of the r2c (0 when not timed) and of the c2r.</returns>
    public static (double Forward, double Inverse) Measure(
        Accelerator accelerator, IFftEngine hostFft, int height, int width, int count, double seconds, bool forwardToo = true)
    {
        using var binding = accelerator.BindScoped();
        using var fft = DeviceFft.Create(accelerator, hostFft);
        var group = fft.Granularity(height, width);
        count = (count + group - 1) / group * group;
        using var real = accelerator.Allocate1D<float>((long)count * height * width);
        using var complex = accelerator.Allocate1D<ComplexF>((long)count * height * (width / 2 + 1));
        real.MemSetToZero();
        complex.MemSetToZero();
        fft.Prepare(height, width);
        double Time(Action transform)
        {
            transform();
            accelerator.Synchronize();
            var clock = Stopwatch.StartNew();
            var repeats = 0;
            do
            {
                transform();
                accelerator.Synchronize();
                repeats++;
            }
            while (repeats < 2 || clock.Elapsed.TotalSeconds < seconds / 2);

            return clock.Elapsed.TotalSeconds / repeats / count;
        }

        var forward = forwardToo ? Time(() => fft.Forward(real.View, complex.View, height, width, count)) : 0;
        var inverse = Time(() => fft.Inverse(complex.View, real.View, height, width, count));
        return (forward, inverse);
    }
}
