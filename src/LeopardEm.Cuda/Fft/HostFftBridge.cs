using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda.Fft;

/// <summary>
/// <see cref="IDeviceFft"/> for ILGPU's CPU accelerator, whose buffers live in host memory: the project's CPU
/// <see cref="IFftEngine"/> transforms them in place of cuFFT, so the kernels and the pipeline run (and are tested)
/// on machines without CUDA. The unnormalised inverse is the engine's column-then-row composition (equal to
/// <c>height·width</c> times <see cref="IFftEngine.Inverse2D"/> without its rounding).
/// </summary>
internal sealed unsafe class HostFftBridge : IDeviceFft
{
    private readonly CPUAccelerator _accelerator;
    private readonly IFftEngine _engine;

    /// <summary>Bridges <paramref name="engine"/> to the buffers of <paramref name="accelerator"/>.</summary>
    public HostFftBridge(CPUAccelerator accelerator, IFftEngine engine)
    {
        _accelerator = accelerator;
        _engine = engine;
    }

    /// <inheritdoc />
    public string Name => $"host {_engine.Name}";

    /// <inheritdoc />
    public void Prepare(int height, int width, int count)
    {
    }

    /// <inheritdoc />
    public void Forward(ArrayView<float> input, ArrayView<ComplexF> output, int height, int width, int count)
    {
        FftShapes.Check(input.Length, output.Length, height, width, count);
        _accelerator.Synchronize();
        _engine.Forward2D(Host(input, (long)count * height * width), Host(output, (long)count * height * (width / 2 + 1)), height, width, count);
    }

    /// <inheritdoc />
    public void Inverse(ArrayView<ComplexF> input, ArrayView<float> output, int height, int width, int count)
    {
        FftShapes.Check(output.Length, input.Length, height, width, count);
        _accelerator.Synchronize();
        var half = width / 2 + 1;
        for (var j = 0; j < count; j++)
        {
            var spectrum = Host(input.SubView((long)j * height * half, (long)height * half), (long)height * half);
            _engine.TransformColumns(spectrum, height, half, TransformDirection.Inverse);
            _engine.InverseRows(spectrum, Host(output.SubView((long)j * height * width, (long)height * width), (long)height * width), width, height);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
    }

    // The CPU accelerator's views address host memory directly.
    private static Span<T> Host<T>(ArrayView<T> view, long length)
        where T : unmanaged => new((void*)view.LoadEffectiveAddressAsPtr(), checked((int)length));
}
