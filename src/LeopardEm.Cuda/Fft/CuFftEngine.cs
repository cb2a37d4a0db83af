using System.Numerics;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda.Fft;

/// <summary>
/// <see cref="IDeviceFft"/> on cuFFT. Each shape has one batched plan per direction for a fixed group of images
/// (<see cref="Granularity"/>: about 2²⁴ samples, 1 to 64 images), and longer batches are transformed group by group
/// with it: cuFFT may choose other kernels for other batch counts, which round differently, so a plan per count would
/// make the maps depend on the batch size. Plans use the 64-bit API, are bound to the accelerator's default stream and
/// run one after another on it, so they share one work area, sized for the largest plan, instead of each keeping its
/// own.
/// </summary>
internal sealed class CuFftEngine : IDeviceFft
{
    private readonly CudaAccelerator _accelerator;
    private readonly CuFFT _cufft;
    /// <summary>Samples one plan launch covers at most (unless a single image is larger).</summary>
    private const long GroupSamples = 1L << 24;

    /// <summary>Most images in a group: past this, small images gain nothing from larger launches.</summary>
    private const int MaxGroup = 64;

    private readonly Dictionary<(CuFFTType Type, int Height, int Width), CuFFTPlan> _plans = [];
    private MemoryBuffer1D<byte, Stride1D.Dense>? _workArea;

    /// <summary>Loads cuFFT for <paramref name="accelerator"/>.</summary>
    /// <exception cref="InvalidOperationException">cuFFT is not installed.</exception>
    public CuFftEngine(CudaAccelerator accelerator)
    {
        _accelerator = accelerator;
        _cufft = CuFftLibrary.Load();
        CuFFTException.ThrowIfFailed(_cufft.API.GetVersion(out var version));
        Name = $"cuFFT {CuFftLibrary.FormatVersion(version)}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int Granularity(int height, int width) =>
        (int)Math.Clamp(1L << BitOperations.Log2((ulong)Math.Max(1, GroupSamples / ((long)height * width))), 1, MaxGroup);

    /// <inheritdoc />
    public void Prepare(int height, int width)
    {
        Plan(CuFFTType.CUFFT_R2C, height, width);
        Plan(CuFFTType.CUFFT_C2R, height, width);
    }

    /// <inheritdoc />
    public void Forward(ArrayView<float> input, ArrayView<ComplexF> output, int height, int width, int count)
    {
        var group = CheckGroups(input.Length, output.Length, height, width, count);
        var plan = Plan(CuFFTType.CUFFT_R2C, height, width);
        long real = (long)group * height * width, complex = (long)group * height * (width / 2 + 1);
        for (var g = 0L; g < count / group; g++)
        {
            CuFFTException.ThrowIfFailed(_cufft.API.ExecR2C(
                plan.PlanHandle, input.SubView(g * real, real).LoadEffectiveAddressAsPtr(),
                output.SubView(g * complex, complex).LoadEffectiveAddressAsPtr()));
        }
    }

    /// <inheritdoc />
    public void Inverse(ArrayView<ComplexF> input, ArrayView<float> output, int height, int width, int count)
    {
        var group = CheckGroups(output.Length, input.Length, height, width, count);
        var plan = Plan(CuFFTType.CUFFT_C2R, height, width);
        long real = (long)group * height * width, complex = (long)group * height * (width / 2 + 1);
        for (var g = 0L; g < count / group; g++)
        {
            CuFFTException.ThrowIfFailed(_cufft.API.ExecC2R(
                plan.PlanHandle, input.SubView(g * complex, complex).LoadEffectiveAddressAsPtr(),
                output.SubView(g * real, real).LoadEffectiveAddressAsPtr()));
        }
    }

    private int CheckGroups(long realLength, long complexLength, int height, int width, int count)
    {
        FftShapes.Check(realLength, complexLength, height, width, count);
        var group = Granularity(height, width);
        if (count % group != 0)
        {
            throw new ArgumentException($"{count} images of {height} x {width} are not whole groups of {group}.", nameof(count));
        }

        return group;
    }

    private CuFFTPlan Plan(CuFFTType type, int height, int width)
    {
        var key = (type, height, width);
        var count = Granularity(height, width);
        if (_plans.TryGetValue(key, out var cached))
        {
            return cached;
        }

        long real = (long)height * width, complex = (long)height * (width / 2 + 1);
        long[] realShape = [height, width], complexShape = [height, width / 2 + 1];
        var forward = type == CuFFTType.CUFFT_R2C;
        CuFFTException.ThrowIfFailed(_cufft.CreatePlan(out var created));
        var plan = created ?? throw new InvalidOperationException("cufftCreate returned no plan.");
        try
        {
            plan.SetAutoAllocate(false);
            var workSize = new UIntPtr[1];
            CuFFTException.ThrowIfFailed(plan.MakePlanMany(
                2, [height, width],
                forward ? realShape : complexShape, 1, forward ? real : complex,
                forward ? complexShape : realShape, 1, forward ? complex : real,
                type, count, workSize));
            plan.SetStream((CudaStream)_accelerator.DefaultStream);
            EnsureWorkArea((long)workSize[0].ToUInt64(), plan);
        }
        catch
        {
            plan.Dispose();
            throw;
        }

        _plans.Add(key, plan);
        return plan;
    }

    // Grows the shared work area when a new plan needs more, and points every plan at the current one.
    private void EnsureWorkArea(long bytes, CuFFTPlan plan)
    {
        if (_workArea is null || _workArea.Length < bytes)
        {
            _accelerator.Synchronize();
            _workArea?.Dispose();
            _workArea = null;
            _workArea = _accelerator.Allocate1D<byte>(Math.Max(bytes, 1));
            foreach (var other in _plans.Values)
            {
                other.SetWorkArea(_workArea.View);
            }
        }

        plan.SetWorkArea(_workArea.View);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var plan in _plans.Values)
        {
            plan.Dispose();
        }

        _plans.Clear();
        _workArea?.Dispose();
        _workArea = null;
    }
}
