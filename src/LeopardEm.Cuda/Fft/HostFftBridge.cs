using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using LeopardEm.Fft;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda.Fft;

/// <summary>
/// <see cref="IDeviceFft"/> for ILGPU's CPU accelerator, whose buffers live in host memory: the project's CPU
/// <see cref="IFftEngine"/> transforms them in place of cuFFT, so the kernels and the pipeline run (and are tested)
/// on machines without CUDA. Each image goes through 64-byte aligned host copies, one at a time, as the CPU backend
/// transforms them: ILGPU's buffers are only 16-byte aligned, and FFTW rounds differently on unaligned data and for
/// other batch counts, which would make results depend on where an image sits in a batch. The unnormalised inverse is
/// the engine's column-then-row composition (<c>height·width</c> times <see cref="IFftEngine.Inverse2D"/> without its
/// rounding).
/// </summary>
internal sealed class HostFftBridge : IDeviceFft
{
    private readonly CPUAccelerator _accelerator;
    private readonly IFftEngine _engine;
    private AlignedBuffer<float> _real = new(0);
    private AlignedBuffer<ComplexF> _complex = new(0);

    /// <summary>Bridges <paramref name="engine"/> to the buffers of <paramref name="accelerator"/>.</summary>
    public HostFftBridge(CPUAccelerator accelerator, IFftEngine engine)
    {
        _accelerator = accelerator;
        _engine = engine;
    }

    /// <inheritdoc />
    public string Name => $"host {_engine.Name}";

    /// <inheritdoc />
    public int Granularity(int height, int width) => 1;

    /// <inheritdoc />
    public void Prepare(int height, int width)
    {
        if (_real.Length < (long)height * width)
        {
            _real.Dispose();
            _real = new AlignedBuffer<float>((long)height * width);
        }

        if (_complex.Length < (long)height * (width / 2 + 1))
        {
            _complex.Dispose();
            _complex = new AlignedBuffer<ComplexF>((long)height * (width / 2 + 1));
        }
    }

    /// <inheritdoc />
    public void Forward(ArrayView<float> input, ArrayView<ComplexF> output, int height, int width, int count)
    {
        FftShapes.Check(input.Length, output.Length, height, width, count);
        Prepare(height, width);
        _accelerator.Synchronize();
        long real = (long)height * width, complex = (long)height * (width / 2 + 1);
        var image = _real.Span[..(int)real];
        var spectrum = _complex.Span[..(int)complex];
        for (var j = 0; j < count; j++)
        {
            input.SubView(j * real, real).CopyToCPU(image);
            _engine.Forward2D(image, spectrum, height, width);
            output.SubView(j * complex, complex).CopyFromCPU(spectrum);
        }
    }

    /// <inheritdoc />
    public void Inverse(ArrayView<ComplexF> input, ArrayView<float> output, int height, int width, int count)
    {
        FftShapes.Check(output.Length, input.Length, height, width, count);
        Prepare(height, width);
        _accelerator.Synchronize();
        int half = width / 2 + 1;
        long real = (long)height * width, complex = (long)height * half;
        var image = _real.Span[..(int)real];
        var spectrum = _complex.Span[..(int)complex];
        for (var j = 0; j < count; j++)
        {
            input.SubView(j * complex, complex).CopyToCPU(spectrum);
            _engine.TransformColumns(spectrum, height, half, TransformDirection.Inverse);
            _engine.InverseRows(spectrum, image, width, height);
            output.SubView(j * real, real).CopyFromCPU(image);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _real.Dispose();
        _complex.Dispose();
    }
}
