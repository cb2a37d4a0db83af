using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using LeopardEm.Imaging;

namespace LeopardEm.Cuda.Fft;

/// <summary>
/// <see cref="IDeviceFft"/> on cuFFT. Plans are batched (one launch transforms a whole batch of images), created with
/// the 64-bit API (a batch may hold more than 2³¹ samples), cached per (direction, shape, count) and bound to the
/// accelerator's default stream. They run one after another on that stream, so they share one work area, sized for the
/// largest plan, instead of each keeping its own.
/// </summary>
internal sealed class CuFftEngine : IDeviceFft
{
    private readonly CudaAccelerator _accelerator;
    private readonly CuFFT _cufft;
    private readonly Dictionary<(CuFFTType Type, int Height, int Width, int Count), CuFFTPlan> _plans = [];
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
    public void Prepare(int height, int width, int count)
    {
        Plan(CuFFTType.CUFFT_R2C, height, width, count);
        Plan(CuFFTType.CUFFT_C2R, height, width, count);
    }

    /// <inheritdoc />
    public void Forward(ArrayView<float> input, ArrayView<ComplexF> output, int height, int width, int count)
    {
        FftShapes.Check(input.Length, output.Length, height, width, count);
        var plan = Plan(CuFFTType.CUFFT_R2C, height, width, count);
        CuFFTException.ThrowIfFailed(
            _cufft.API.ExecR2C(plan.PlanHandle, input.LoadEffectiveAddressAsPtr(), output.LoadEffectiveAddressAsPtr()));
    }

    /// <inheritdoc />
    public void Inverse(ArrayView<ComplexF> input, ArrayView<float> output, int height, int width, int count)
    {
        FftShapes.Check(output.Length, input.Length, height, width, count);
        var plan = Plan(CuFFTType.CUFFT_C2R, height, width, count);
        CuFFTException.ThrowIfFailed(
            _cufft.API.ExecC2R(plan.PlanHandle, input.LoadEffectiveAddressAsPtr(), output.LoadEffectiveAddressAsPtr()));
    }

    private CuFFTPlan Plan(CuFFTType type, int height, int width, int count)
    {
        var key = (type, height, width, count);
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
