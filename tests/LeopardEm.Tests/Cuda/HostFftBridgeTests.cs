using ILGPU;
using ILGPU.Runtime;
using LeopardEm.Cuda.Fft;
using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Tests.Cuda;

/// <summary>The device FFT of the CPU accelerator keeps <see cref="IDeviceFft"/>'s conventions: batched, unnormalised
/// both ways, the forward transform leaving its input alone.</summary>
[Collection(CpuAcceleratorCollection.Name)]
public sealed class HostFftBridgeTests(CpuAccelerator cpu)
{
    [Theory]
    [InlineData(6, 10)]
    [InlineData(7, 12)]
    public void Batched_transforms_match_the_engine_unnormalised(int height, int width)
    {
        const int count = 3;
        var accelerator = cpu.Session.Accelerator;
        var random = new Random(height * width);
        var images = Enumerable.Range(0, count * height * width).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var half = width / 2 + 1;
        using var fft = DeviceFft.Create(accelerator, FftEngines.Managed);
        using var real = accelerator.Allocate1D(images);
        using var complex = accelerator.Allocate1D<ComplexF>(count * height * half);
        using var back = accelerator.Allocate1D<float>(images.Length);

        fft.Forward(real.View, complex.View, height, width, count);
        var spectra = complex.GetAsArray1D();
        fft.Inverse(complex.View, back.View, height, width, count);
        var roundTrip = back.GetAsArray1D();

        Assert.Equal("host managed", fft.Name);
        Assert.Equal(images, real.GetAsArray1D());
        var expected = new ComplexF[spectra.Length];
        FftEngines.Managed.Forward2D(images, expected, height, width, count);
        Assert.Equal(expected, spectra);
        // Unnormalised inverse: H·W times the input, to float rounding of values of order 1.
        for (var i = 0; i < images.Length; i++)
        {
            Assert.Equal(images[i] * height * width, roundTrip[i], 1e-4);
        }
    }

    [Fact]
    public void Rejects_odd_widths_and_short_buffers()
    {
        var accelerator = cpu.Session.Accelerator;
        using var fft = DeviceFft.Create(accelerator, FftEngines.Managed);
        using var real = accelerator.Allocate1D<float>(40);
        using var complex = accelerator.Allocate1D<ComplexF>(24);
        Assert.Throws<ArgumentException>(() => fft.Forward(real.View, complex.View, 4, 5, 1));
        Assert.Throws<ArgumentException>(() => fft.Forward(real.View, complex.View, 4, 10, 2));
    }
}
